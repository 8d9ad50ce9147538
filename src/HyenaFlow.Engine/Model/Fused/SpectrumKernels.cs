using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HyenaFlow.Engine.Model.Fused;

/// <summary>
/// The spectral products of the FFT convolution's backward pass in one pass over the spectra
/// (complex64, interleaved re/im): the gradient's spectrum times the conjugate filter spectrum, and the
/// filter gradient's spectrum Σ_b gy · conj(z).
/// </summary>
/// <remarks>
/// As LibTorch ops the conjugates are materialised and the sum over the batch (a complex reduction over
/// the outer dimension) alone took longer than the two FFTs around it. Channels are the work items, so
/// each filter-gradient row is summed by one thread in batch order.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SpectrumKernels
{
    private const int ComplexPerVector = 4;

    /// <param name="bins">Frequency bins per row (n / 2 + 1).</param>
    /// <param name="gySpectrum">B × d × bins.</param>
    /// <param name="filterSpectrum">d × bins.</param>
    /// <param name="zSpectrum">B × d × bins.</param>
    /// <param name="convolutionGrad">B × d × bins: gy · conj(filter).</param>
    /// <param name="filterGrad">d × bins: Σ_b gy · conj(z).</param>
    public static void Backward(int batch, int width, int bins, int threads,
        nint gySpectrum, nint filterSpectrum, nint zSpectrum, nint convolutionGrad, nint filterGrad)
    {
        OpenMpTeam.For(width, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (channel) =>
        {
            long row = 2L * bins;
            var filter = (float*)filterSpectrum + channel * row;
            var sum = (float*)filterGrad + channel * row;
            for (var b = 0; b < batch; b++)
            {
                var offset = ((long)b * width + channel) * row;
                var gy = (float*)gySpectrum + offset;
                MultiplyConjugate(gy, filter, (float*)convolutionGrad + offset, bins, accumulate: false);
                MultiplyConjugate(gy, (float*)zSpectrum + offset, sum, bins, accumulate: b > 0);
            }
        });
    }

    /// <summary>output = a · conj(b), or output += a · conj(b), over <paramref name="count"/> complex values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyConjugate(float* a, float* b, float* output, int count, bool accumulate)
    {
        var i = 0;
        for (; i <= count - ComplexPerVector; i += ComplexPerVector)
        {
            var x = Avx.LoadVector256(a + 2 * i);
            var y = Avx.LoadVector256(b + 2 * i);
            // (xr + i·xi)(yr − i·yi) = (xr·yr + xi·yi) + i·(xi·yr − xr·yi)
            var swapped = Avx.Permute(x, 0b1011_0001);                        // (xi, xr)
            var product = Fma.MultiplySubtractAdd(x, Avx.DuplicateEvenIndexed(y), swapped * Avx.DuplicateOddIndexed(y));
            if (accumulate) product += Avx.LoadVector256(output + 2 * i);
            Avx.Store(output + 2 * i, product);
        }
        for (; i < count; i++)
        {
            float xr = a[2 * i], xi = a[2 * i + 1], yr = b[2 * i], yi = b[2 * i + 1];
            float re = xr * yr + xi * yi, im = xi * yr - xr * yi;
            if (accumulate) { re += output[2 * i]; im += output[2 * i + 1]; }
            output[2 * i] = re;
            output[2 * i + 1] = im;
        }
    }
}
