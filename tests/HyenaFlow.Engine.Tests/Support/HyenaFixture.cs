using System.Runtime.CompilerServices;
using System.Text.Json;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests.Support;

/// <summary>
/// The tiny-1k parity fixture produced by the official PyTorch HyenaDNA
/// (shared/fixtures/hyenadna, found by walking up from the test binaries or this source file).
/// </summary>
public sealed class HyenaFixture : IDisposable
{
    static HyenaFixture() => TorchSettings.UseThreads(1);

    public HyenaFixture()
    {
        Folder = Locate();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var train = manifest.RootElement.GetProperty("train_step");
        ExpectedLoss = train.GetProperty("loss").GetDouble();
        ExpectedGradNorm = train.GetProperty("grad_norm").GetDouble();
        Labels = train.GetProperty("labels").EnumerateArray().Select(l => l.GetInt64()).ToArray();
        ExpectedShapes = manifest.RootElement.GetProperty("shapes").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(d => d.GetInt64()).ToArray());
        InputIds = NpyFile.Read(Path.Combine(Folder, "input_ids.npy"));
        HiddenStates = NpyFile.Read(Path.Combine(Folder, "hidden_states.npy"));
        LmLogits = NpyFile.Read(Path.Combine(Folder, "lm_logits.npy"));
        ClassLogits = NpyFile.Read(Path.Combine(Folder, "class_logits.npy"));
    }

    public string Folder { get; }
    public string WeightsFolder => Path.Combine(Folder, "weights");
    public string LightningCheckpoint => Path.Combine(Folder, "weights.ckpt");
    public string StateDict => Path.Combine(Folder, "state_dict.bin");
    public double ExpectedLoss { get; }
    public double ExpectedGradNorm { get; }
    public long[] Labels { get; }
    public IReadOnlyDictionary<string, long[]> ExpectedShapes { get; }
    public Tensor InputIds { get; }
    public Tensor HiddenStates { get; }
    public Tensor LmLogits { get; }
    public Tensor ClassLogits { get; }

    /// <summary>A tiny-1k model with the 2-class head and the fixture's weights (from the .npy files), in eval mode.</summary>
    public HyenaDnaModel LoadModel(HyenaDnaConfig? config = null)
    {
        var model = new HyenaDnaModel(config ?? HyenaDnaConfig.Tiny1K, classCount: 2);
        HyenaDnaCheckpoint.Import(WeightsFolder, model, strict: true);
        model.eval();
        return model;
    }

    public static double MaxAbsDifference(Tensor actual, Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var difference = (actual.detach().cpu() - expected).abs().max();
        return difference.item<float>();
    }

    public void Dispose()
    {
        InputIds.Dispose();
        HiddenStates.Dispose();
        LmLogits.Dispose();
        ClassLogits.Dispose();
    }

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "hyenadna");
                if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"shared/fixtures/hyenadna not found above {string.Join(" or ", starts)}.");
    }
}
