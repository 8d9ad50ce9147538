using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests;

public class CheckpointTests(HyenaFixture fixture) : IClassFixture<HyenaFixture>
{
    [Fact]
    public void LightningCheckpointWithOmegaConfExtrasImportsTheBackbone()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K);
        var report = HyenaDnaCheckpoint.Import(fixture.LightningCheckpoint, model, strict: true);
        model.eval();

        Assert.Equal(fixture.ExpectedShapes.Keys.Count(k => k.StartsWith("backbone.")), report.Loaded.Count);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Assert.Equal(0.0, HyenaFixture.MaxAbsDifference(model.forward(fixture.InputIds), ReferenceHidden()));
    }

    [Fact]
    public void BackboneCheckpointLeavesAClassificationHeadInitialised()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 3);
        var report = HyenaDnaCheckpoint.Import(fixture.LightningCheckpoint, model, strict: true);
        Assert.True(report.HeadInitialized);
    }

    [Fact]
    public void TorchSaveStateDictGivesTheSameOutputsAsTheNpyWeights()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        var report = HyenaDnaCheckpoint.Import(fixture.StateDict, model, strict: true);
        Assert.False(report.HeadInitialized);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Assert.Equal(0.0, HyenaFixture.MaxAbsDifference(model.ClassLogits(fixture.InputIds), ReferenceClassLogits()));
    }

    [Fact]
    public void PyBridgeLoadsTheStateDictIntoTheSameKeyNames()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        model.load_py(fixture.StateDict, strict: true);
        // PyBridge 1.4.4 leaves every parameter with requires_grad = false.
        foreach (var (_, parameter) in model.named_parameters()) parameter.requires_grad = true;
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Assert.Equal(0.0, HyenaFixture.MaxAbsDifference(model.ClassLogits(fixture.InputIds), ReferenceClassLogits()));
    }

    [Fact]
    public void StrictImportListsEveryMissingUnexpectedAndMisShapedKey()
    {
        var config = HyenaDnaConfig.Tiny1K with { LayerCount = 3 };
        using var model = new HyenaDnaModel(config, classCount: 3);
        var error = Assert.Throws<CheckpointMismatchException>(() => HyenaDnaCheckpoint.Import(fixture.StateDict, model, strict: true));

        Assert.Contains("backbone.layers.2.mlp.fc1.weight", error.Missing);
        Assert.Contains(error.MisShaped, m => m.StartsWith("head.output_transform.weight: checkpoint [2, 128] vs model [3, 128]"));
        Assert.Empty(error.Unexpected);
        Assert.Contains("backbone.layers.2.norm1.weight", error.Message);

        using var small = new HyenaDnaModel(HyenaDnaConfig.Tiny1K with { LayerCount = 1 });
        var extra = Assert.Throws<CheckpointMismatchException>(() => HyenaDnaCheckpoint.Import(fixture.StateDict, small, strict: true));
        Assert.Contains("backbone.layers.1.mixer.in_proj.weight", extra.Unexpected);
        Assert.Contains("head.output_transform.bias", extra.Unexpected);
    }

    [Fact]
    public void HuggingFaceStyleKeysMapBySuffixAndTheTiedLmHeadIsIgnored()
    {
        using var temp = new TempFolder();
        var hfFolder = Directory.CreateDirectory(Path.Combine(temp.Path, "hyenadna-tiny-1k-seqlen-hf")).FullName;
        using (var checkpoint = CheckpointTensors.Read(fixture.WeightsFolder))
        {
            var renamed = checkpoint.Tensors.Where(t => t.Key.StartsWith("backbone."))
                .ToDictionary(t => "hyena." + t.Key, t => t.Value);
            renamed["lm_head.weight"] = checkpoint.Tensors["backbone.embeddings.word_embeddings.weight"];
            SafeTensorsFile.Write(Path.Combine(hfFolder, "model.safetensors"), renamed);
        }
        File.WriteAllText(Path.Combine(hfFolder, "config.json"), """{"d_model": 128, "n_layer": 2, "vocab_size": 12, "embed_dropout": 0.1}""");

        using var model = HyenaDnaCheckpoint.LoadPretrained(Path.Combine(hfFolder, "model.safetensors"));
        Assert.Equal(HyenaDnaConfig.Tiny1K, model.Config);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Assert.Equal(0.0, HyenaFixture.MaxAbsDifference(model.forward(fixture.InputIds), ReferenceHidden()));

        using var strictModel = new HyenaDnaModel(HyenaDnaConfig.Tiny1K);
        var report = HyenaDnaCheckpoint.Import(Path.Combine(hfFolder, "model.safetensors"), strictModel);
        Assert.Contains(report.Ignored, i => i.StartsWith("lm_head.weight"));
    }

    [Fact]
    public void NpyFilesRoundTrip()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "x.npy");
        using var original = arange(12, dtype: int64).reshape(3, 4);
        NpyFile.Write(path, original);
        using var read = NpyFile.Read(path);
        Assert.Equal(original.shape, read.shape);
        Assert.True(read.eq(original).all().item<bool>());
    }

    private Tensor ReferenceHidden()
    {
        using var model = fixture.LoadModel();
        using var noGrad = no_grad();
        return model.forward(fixture.InputIds);
    }

    private Tensor ReferenceClassLogits()
    {
        using var model = fixture.LoadModel();
        using var noGrad = no_grad();
        return model.ClassLogits(fixture.InputIds);
    }
}
