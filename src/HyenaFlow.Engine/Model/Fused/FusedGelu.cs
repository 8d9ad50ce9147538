using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model.Fused;

/// <summary>
/// GELU with the tanh approximation, 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))), written as
/// x · σ(2 · √(2/π) · (x + 0.044715 · x³)), forward and backward each one vectorised pass on LibTorch's
/// thread team. Equal to LibTorch's gelu(approximate: "tanh") up to float32 rounding.
/// </summary>
/// <remarks>
/// LibTorch evaluates tanh through a 16-lane polynomial that profiles showed costing more than the
/// memory traffic of the pass; the logistic form needs one exponential and one division.
/// </remarks>
internal sealed unsafe class FusedGelu : autograd.SingleTensorFunction<FusedGelu>
{
    private const float Scale = 0.7978845608028654f; // √(2/π)
    private const float Cubic = 0.044715f;
    private const int ChunkElements = 1 << 16;

    public override string Name => nameof(FusedGelu);

    public static bool Supports(Tensor x) =>
        Avx.IsSupported && Fma.IsSupported && x.device_type == DeviceType.CPU && x.dtype == ScalarType.Float32;

    public static Tensor Apply(Tensor x) => apply(x);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        using var scope = NewDisposeScope();
        var x = ((Tensor)vars[0]).contiguous();
        var y = empty_like(x);
        Run(x.numel(), TensorMemory.Address(x), 0, TensorMemory.Address(y));
        ctx.save_for_backward([x.MoveToOuterDisposeScope()]);
        return y.MoveToOuterDisposeScope();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        using var scope = NewDisposeScope();
        var x = ctx.get_saved_variables()[0];
        var g = gradOutput.contiguous();
        var gradInput = empty_like(x);
        Run(x.numel(), TensorMemory.Address(x), TensorMemory.Address(g), TensorMemory.Address(gradInput));
        return [gradInput.MoveToOuterDisposeScope()];
    }

    /// <summary>Forward where <paramref name="grad"/> is 0, else the input gradient.</summary>
    private static void Run(long count, nint x, nint grad, nint output)
    {
        var chunks = (int)((count + ChunkElements - 1) / ChunkElements);
        OpenMpTeam.For(chunks, get_num_threads(), chunk =>
        {
            var start = (long)chunk * ChunkElements;
            var length = (int)Math.Min(ChunkElements, count - start);
            if (grad == 0) Forward((float*)x + start, (float*)output + start, length);
            else Backward((float*)x + start, (float*)grad + start, (float*)output + start, length);
        });
    }

    /// <summary>σ(2 · √(2/π) · (x + 0.044715 · x³)).</summary>
    private static Vector256<float> Gate(Vector256<float> x)
    {
        var inner = Vector256.Create(Scale) * Fma.MultiplyAdd(Vector256.Create(Cubic) * x, x * x, x);
        return Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(Vector256.Create(-2f) * inner));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward(float* x, float* y, int length)
    {
        var i = 0;
        for (; i <= length - 8; i += 8)
        {
            var v = Avx.LoadVector256(x + i);
            Avx.Store(y + i, v * Gate(v));
        }
        for (; i < length; i++) y[i] = x[i] * Gate(Vector256.Create(x[i])).ToScalar();
    }

    /// <summary>d/dx [x · s] = s + x · 2s(1 − s) · √(2/π) · (1 + 3 · 0.044715 · x²).</summary>
    private static Vector256<float> Slope(Vector256<float> x)
    {
        var s = Gate(x);
        var dInner = Vector256.Create(Scale) * Fma.MultiplyAdd(Vector256.Create(3 * Cubic) * x, x, Vector256<float>.One);
        return Fma.MultiplyAdd(x * Vector256.Create(2f) * s * (Vector256<float>.One - s), dInner, s);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward(float* x, float* grad, float* gradInput, int length)
    {
        var i = 0;
        for (; i <= length - 8; i += 8)
            Avx.Store(gradInput + i, Avx.LoadVector256(grad + i) * Slope(Avx.LoadVector256(x + i)));
        for (; i < length; i++) gradInput[i] = grad[i] * Slope(Vector256.Create(x[i])).ToScalar();
    }
}
