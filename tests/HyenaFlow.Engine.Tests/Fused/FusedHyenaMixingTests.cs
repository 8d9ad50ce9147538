using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Model.Fused;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests.Fused;

/// <summary>The fused Hyena mixing (hand-written backward, SIMD kernels) against the same operator as plain LibTorch ops.</summary>
public class FusedHyenaMixingTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 2, 1_026, 128 }, // tiny-1k
        { 3, 37, 16 },     // a length that ends mid-tile, an odd batch
        { 1, 8, 8 },       // exactly one tile
        { 2, 2, 8 },       // shorter than the short filter
        { 1, 1, 24 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OutputAndEveryGradientEqualTheReferenceOps(int batch, int length, int width)
    {
        using var scope = NewDisposeScope();
        var config = HyenaDnaConfig.Tiny1K with { ModelWidth = width, MaxLength = Math.Max(length, 2) };
        manual_seed(11);
        using var mixer = new HyenaOperator(config);
        var h = randn(batch, length, width);
        var upstream = randn(batch, length, width);

        var (reference, referenceGrads) = OutputAndGradients(mixer, h, upstream, referenceMixing: true);
        var (fused, fusedGrads) = OutputAndGradients(mixer, h, upstream, referenceMixing: false);

        AssertClose(reference, fused, "output");
        foreach (var (name, expected) in referenceGrads)
            AssertClose(expected, fusedGrads[name], name);
    }

    [Fact]
    public void WithoutGradientsNothingIsKeptAndTheOutputIsTheSame()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var mixer = new HyenaOperator(HyenaDnaConfig.Tiny1K);
        var h = randn(2, 1_026, 128);
        using var noGrad = no_grad();
        var fused = mixer.forward(h);
        mixer.ReferenceMixing = true;
        var reference = mixer.forward(h);
        Assert.False(fused.requires_grad);
        AssertClose(reference, fused, "output");
    }

    [Fact]
    public void TheFusedPathIsTheOneTakenForThePublishedConfigurationsOnThisCpu()
    {
        using var scope = NewDisposeScope();
        foreach (var width in new[] { HyenaDnaConfig.Tiny1K.ModelWidth, HyenaDnaConfig.Small32K.ModelWidth })
            Assert.True(FusedHyenaMixing.Supports(empty(1, 4, 3 * width), empty(3 * width, 1, 3), empty(width, 4)));
        Assert.False(FusedHyenaMixing.Supports(empty(1, 4, 36, dtype: float64), empty(36, 1, 3, dtype: float64), empty(12, 4, dtype: float64)));
        Assert.False(FusedHyenaMixing.Supports(empty(1, 4, 36), empty(36, 1, 3), empty(12, 4))); // not a whole number of lanes
        Assert.False(FusedHyenaMixing.Supports(empty(1, 4, 48), empty(48, 1, 4), empty(16, 4))); // a 4-tap short filter
    }

    [Fact]
    public void KernelsGiveTheSameBitsOnOneThreadAndOnTwo()
    {
        using var scope = NewDisposeScope();
        const int batch = 2, length = 300, width = 32;
        var shape = new HyenaGatingKernels.Shape(batch, length, width, HyenaFilter.FftSize(length));
        manual_seed(5);
        var u = randn(batch, length, 3 * width);
        var weight = randn(3 * width, 1, 3);
        var bias = randn(3 * width);
        var gradOutput = randn(batch, length, width);

        Tensor[] Run(int threads)
        {
            var gy = empty(batch, width, shape.FftRow);
            var gradSkip = empty(width);
            HyenaGatingKernels.GateOutputGrad(shape, threads, TensorMemory.Address(u), TensorMemory.Address(weight), TensorMemory.Address(bias), TensorMemory.Address(gradOutput), TensorMemory.Address(gy), TensorMemory.Address(gradSkip));
            return [gy, gradSkip];
        }

        var (one, two) = (Run(1), Run(2));
        for (var i = 0; i < one.Length; i++) Assert.True(one[i].bytes.SequenceEqual(two[i].bytes));
    }

    private static (Tensor Output, Dictionary<string, Tensor> Grads) OutputAndGradients(HyenaOperator mixer, Tensor h, Tensor upstream, bool referenceMixing)
    {
        mixer.ReferenceMixing = referenceMixing;
        mixer.zero_grad();
        var input = h.detach().requires_grad_(true);
        var output = mixer.forward(input);
        output.backward([upstream]);
        var grads = mixer.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        grads["input"] = input.grad!.clone();
        return (output.detach(), grads);
    }

    /// <summary>Float32 rounding only: the two paths add the same terms in other orders.</summary>
    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = Math.Max(expected.abs().max().item<float>(), 1e-3f);
        var difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= 2e-5 * scale, $"{what}: max difference {difference} at scale {scale}");
    }
}
