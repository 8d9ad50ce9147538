using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests;

/// <summary>Outputs of the C# model against the official PyTorch HyenaDNA on the tiny-1k fixture.</summary>
public class ParityTests(HyenaFixture fixture) : IClassFixture<HyenaFixture>
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void EvalOutputsMatchTheOfficialImplementation()
    {
        using var model = fixture.LoadModel();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Assert.True(HyenaFixture.MaxAbsDifference(model.forward(fixture.InputIds), fixture.HiddenStates) < Tolerance);
        Assert.True(HyenaFixture.MaxAbsDifference(model.LmLogits(fixture.InputIds), fixture.LmLogits) < Tolerance);
        Assert.True(HyenaFixture.MaxAbsDifference(model.ClassLogits(fixture.InputIds), fixture.ClassLogits) < Tolerance);
    }

    [Fact]
    public void TrainStepLossAndGradientNormMatchTheOfficialImplementation()
    {
        using var model = fixture.LoadModel(HyenaDnaConfig.Tiny1K with { EmbedDropout = 0 });
        model.train();
        using var scope = NewDisposeScope();

        using var labels = tensor(fixture.Labels);
        var loss = nn.functional.cross_entropy(model.ClassLogits(fixture.InputIds), labels);
        loss.backward();
        var gradNorm = Math.Sqrt(model.UniqueParameters()
            .Sum(p => p.Parameter.grad!.to(float64).pow(2).sum().item<double>()));

        Assert.Equal(fixture.ExpectedLoss, loss.item<float>(), Tolerance);
        Assert.Equal(fixture.ExpectedGradNorm, gradNorm, 1e-3);
    }

    [Fact]
    public void ComputedBuffersEqualTheStoredOnes()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        var state = model.state_dict();
        foreach (var key in fixture.ExpectedShapes.Keys.Where(k => k.EndsWith(".z") || k.EndsWith(".t") || k.EndsWith(".deltas")))
        {
            using var stored = Checkpoints.NpyFile.Read(Path.Combine(fixture.WeightsFolder, key + ".npy"));
            Assert.True(HyenaFixture.MaxAbsDifference(state[key], stored) < 1e-6, key);
        }
    }
}
