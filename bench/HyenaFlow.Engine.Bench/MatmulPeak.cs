using System.Diagnostics;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>The CPU's practical float32 peak: GFLOP/s of large TorchSharp matmuls in this run.</summary>
public static class MatmulPeak
{
    public sealed record Result(string Shape, double GflopsPerSecond);

    /// <summary>
    /// An activation-shaped product (8,208 × 512 · 512 × 128, tiny-1k batch 8 through fc1 backward)
    /// and a square 2,048³ one; the better is the peak MFU is measured against.
    /// </summary>
    public static IReadOnlyList<Result> Measure()
    {
        return [Time(8_208, 512, 128, repeats: 20), Time(2_048, 2_048, 2_048, repeats: 4)];
    }

    private static Result Time(long m, long k, long n, int repeats)
    {
        using var scope = NewDisposeScope();
        var a = randn(m, k);
        var b = randn(k, n);
        matmul(a, b).Dispose(); // warm-up
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++) matmul(a, b).Dispose();
        var seconds = watch.Elapsed.TotalSeconds / repeats;
        return new Result($"{m}×{k}·{k}×{n}", 2.0 * m * k * n / seconds / 1e9);
    }
}
