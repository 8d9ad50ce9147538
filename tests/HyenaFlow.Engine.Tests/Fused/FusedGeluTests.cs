using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Model.Fused;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests.Fused;

public class FusedGeluTests
{
    [Fact]
    public void ValuesAndGradientsEqualLibTorchsTanhGelu()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // Ordinary activations, the tails where tanh saturates, and a length that is not a whole number of lanes.
        var x = cat([randn(70_001) * 3, tensor(new[] { -100f, -20f, -9f, -1e-6f, 0f, 1e-6f, 9f, 20f, 100f })]);
        var upstream = randn(x.shape);

        var expectedInput = x.detach().requires_grad_(true);
        var expected = nn.functional.gelu(expectedInput, GELU.Approximate.tanh);
        expected.backward([upstream]);
        var actualInput = x.detach().requires_grad_(true);
        var actual = FusedGelu.Apply(actualInput);
        actual.backward([upstream]);

        Assert.True((expected - actual).abs().max().item<float>() < 2e-6 * 100);
        Assert.True(((expected - actual).abs() / (expected.abs() + 1)).max().item<float>() < 2e-6);
        Assert.True(((expectedInput.grad! - actualInput.grad!).abs() / (upstream.abs() + 1)).max().item<float>() < 1e-5);
    }

    [Fact]
    public void TheMlpGivesTheSameResultWithEitherGelu()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var mlp = new Mlp(16, 64);
        var h = randn(3, 50, 16);
        var fused = mlp.forward(h);
        mlp.ReferenceGelu = true;
        var reference = mlp.forward(h);
        Assert.True((fused - reference).abs().max().item<float>() < 1e-5);
    }
}
