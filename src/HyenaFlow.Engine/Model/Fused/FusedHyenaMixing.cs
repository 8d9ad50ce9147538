using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model.Fused;

/// <summary>
/// The Hyena operator between its two projections as one autograd node with a hand-written backward:
/// short conv, split, x1 · v, FFT convolution with the long filter plus the D term, and the x0 gate.
/// Same result as <see cref="HyenaOperator.MixReference"/> up to float32 rounding; the element-wise
/// work runs in <see cref="HyenaGatingKernels"/> and only the FFTs remain LibTorch ops.
/// </summary>
/// <remarks>
/// Backward of y = z ⊛ k (causal, first L outputs, FFT length n ≥ 2L − 1 so nothing wraps):
/// gz = gy ⋆ k and gk = Σ_b gy ⋆ z, where ⋆ is the correlation a ⋆ b [m] = Σ_t a[t] · b[t − m],
/// computed as irfft(rfft(a) · conj(rfft(b))). The saved tensors are the in-projection, the spectra of
/// z and of the filter and s = conv + D · z; x0, x1, v and z are recomputed by the kernels.
/// </remarks>
internal sealed class FusedHyenaMixing : autograd.SingleTensorFunction<FusedHyenaMixing>
{
    public override string Name => nameof(FusedHyenaMixing);

    /// <summary>
    /// True where the fused path applies: float32 tensors on the CPU, a width d (a third of u's channels) that
    /// is a whole number of 8-channel groups, a 3-tap short filter, and AVX2/FMA; anything else (CUDA, other
    /// widths or filter lengths) takes the reference path.
    /// </summary>
    public static bool Supports(Tensor u, Tensor shortWeight, Tensor filter) =>
        HyenaGatingKernels.IsSupported
        && shortWeight.shape[^1] == HyenaGatingKernels.Taps
        && u.device_type == DeviceType.CPU && filter.device_type == DeviceType.CPU
        && u.dtype == ScalarType.Float32 && filter.dtype == ScalarType.Float32
        && u.shape[^1] % (3 * HyenaGatingKernels.Lanes) == 0;

    /// <param name="u">In-projection output, B × L × 3d.</param>
    /// <param name="shortWeight">Short filter weight, 3d × 1 × K.</param>
    /// <param name="shortBias">Short filter bias, 3d.</param>
    /// <param name="filter">Long filter k, d × L.</param>
    /// <param name="skip">The D term, d.</param>
    /// <returns>B × L × d, the input of out_proj.</returns>
    /// <remarks>
    /// Where no gradient will be asked for (inference, a frozen backbone) nothing is kept for a backward
    /// pass and each intermediate is freed as soon as it has been used, which at long lengths is most of
    /// the operator's memory.
    /// </remarks>
    public static Tensor Apply(Tensor u, Tensor shortWeight, Tensor shortBias, Tensor filter, Tensor skip)
    {
        Tensor[] inputs = [u, shortWeight, shortBias, filter, skip];
        return is_grad_enabled() && inputs.Any(t => t.requires_grad)
            ? apply(u, shortWeight, shortBias, filter, skip)
            : Forward(null, u, shortWeight, shortBias, filter, skip);
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars) =>
        Forward(ctx, (Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (Tensor)vars[3], (Tensor)vars[4]);

    /// <param name="ctx">Where to keep what the backward pass needs; null when there will be none.</param>
    private static Tensor Forward(autograd.AutogradContext? ctx, Tensor u, Tensor weight, Tensor bias, Tensor filter, Tensor skip)
    {
        using var scope = NewDisposeScope();
        u = u.contiguous();
        (weight, bias, skip) = (weight.contiguous(), bias.contiguous(), skip.contiguous());
        var shape = ShapeOf(u);
        var threads = get_num_threads();
        var fftSize = shape.FftRow;

        // z is written zero-padded to the FFT length: rfft's own padding would copy it once more.
        var z = empty(shape.Batch, shape.Width, fftSize);
        HyenaGatingKernels.GateInput(shape, threads, TensorMemory.Address(u), TensorMemory.Address(weight), TensorMemory.Address(bias), TensorMemory.Address(z));
        var filterSpectrum = fft.rfft(filter, fftSize).div_(fftSize);
        var zSpectrum = fft.rfft(z);
        var product = ctx is null ? zSpectrum.mul_(filterSpectrum) : zSpectrum * filterSpectrum;
        var convolution = fft.irfft(product, fftSize, norm: FFTNormType.Forward);
        product.Dispose();
        var s = ctx is null ? null : empty(shape.Batch, shape.Width, shape.Length);
        var y = empty(shape.Batch, shape.Length, shape.Width);
        HyenaGatingKernels.GateOutput(shape, threads, TensorMemory.Address(u), TensorMemory.Address(weight), TensorMemory.Address(bias), TensorMemory.Address(convolution),
            TensorMemory.Address(z), TensorMemory.Address(skip), s is null ? 0 : TensorMemory.Address(s), TensorMemory.Address(y));

        if (ctx is not null)
        {
            // The context takes its references after this returns, so the saved tensors must outlive this scope.
            List<Tensor> kept = [u, weight, bias, skip, filterSpectrum, zSpectrum, s!];
            ctx.save_for_backward([.. kept.Select(t => t.MoveToOuterDisposeScope())]);
        }
        return y.MoveToOuterDisposeScope();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (u, weight, bias, skip, filterSpectrum, zSpectrum, s) = (saved[0], saved[1], saved[2], saved[3], saved[4], saved[5], saved[6]);
        var shape = ShapeOf(u);
        var fftSize = shape.FftRow;
        var threads = get_num_threads();
        var g = gradOutput.contiguous();

        var gy = empty(shape.Batch, shape.Width, fftSize);
        var gradSkip = empty(shape.Width);
        HyenaGatingKernels.GateOutputGrad(shape, threads, TensorMemory.Address(u), TensorMemory.Address(weight), TensorMemory.Address(bias), TensorMemory.Address(g), TensorMemory.Address(gy), TensorMemory.Address(gradSkip));
        var gySpectrum = fft.rfft(gy);
        var bins = (int)gySpectrum.shape[^1];
        var convolutionGradSpectrum = empty_like(gySpectrum);
        var filterGradSpectrum = empty(shape.Width, bins, dtype: ScalarType.ComplexFloat32);
        (filterSpectrum, zSpectrum) = (filterSpectrum.contiguous(), zSpectrum.contiguous());
        SpectrumKernels.Backward(shape.Batch, shape.Width, bins, threads, TensorMemory.Address(gySpectrum), TensorMemory.Address(filterSpectrum),
            TensorMemory.Address(zSpectrum), TensorMemory.Address(convolutionGradSpectrum), TensorMemory.Address(filterGradSpectrum));
        // filterSpectrum holds rfft(k) / n, so the unscaled inverse gives the plain correlation.
        var convolutionGrad = fft.irfft(convolutionGradSpectrum, fftSize, norm: FFTNormType.Forward);
        var gradFilter = fft.irfft(filterGradSpectrum, fftSize).narrow(-1, 0, shape.Length);

        var gradU = empty(shape.Batch, shape.Length, shape.Channels);
        var gradWeight = empty(shape.Channels, 1, HyenaGatingKernels.Taps);
        var gradBias = empty(shape.Channels);
        HyenaGatingKernels.ShortConvGrad(shape, threads, TensorMemory.Address(u), TensorMemory.Address(weight), TensorMemory.Address(bias), TensorMemory.Address(g), TensorMemory.Address(s),
            TensorMemory.Address(convolutionGrad), TensorMemory.Address(gy), TensorMemory.Address(skip), TensorMemory.Address(gradU), TensorMemory.Address(gradWeight), TensorMemory.Address(gradBias));

        // LibTorch holds its own references to the returned gradients; the caller's scope frees these wrappers.
        return [gradU.MoveToOuterDisposeScope(), gradWeight.MoveToOuterDisposeScope(), gradBias.MoveToOuterDisposeScope(),
            gradFilter.MoveToOuterDisposeScope(), gradSkip.MoveToOuterDisposeScope()];
    }

    private static HyenaGatingKernels.Shape ShapeOf(Tensor u) =>
        new((int)u.shape[0], (int)u.shape[1], (int)u.shape[2] / 3, HyenaFilter.FftSize(u.shape[1]));
}
