using System.Numerics;
using System.Runtime.InteropServices;

namespace HyenaFlow.Analysis.Data;

/// <summary>SIMD kernels for the two distances UMAP needs.</summary>
internal static class VectorMath
{
    public static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            Vector<float> acc = Vector<float>.Zero;
            for (int v = 0; v < xs.Length; v++)
            {
                Vector<float> d = xs[v] - ys[v];
                acc += d * d;
            }

            sum = Vector.Sum(acc);
            i = xs.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            float d = x[i] - y[i];
            sum += d * d;
        }

        return sum;
    }

    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            Vector<float> acc = Vector<float>.Zero;
            for (int v = 0; v < xs.Length; v++)
                acc += xs[v] * ys[v];
            sum = Vector.Sum(acc);
            i = xs.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
            sum += x[i] * y[i];
        return sum;
    }
}
