using System.Diagnostics;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>The CPU's practical float32 peak: GFLOP/s of large TorchSharp matmuls in this run.</summary>
public static class MatmulPeak
{
    public sealed record Result(string Shape, double GflopsPerSecond);

    /// <summary>
    /// An activation-shaped product (8,208 × 512 · 512 × 128, tiny-1k batch 8 through fc1 backward)
    /// and a square 2,048³ one, each the best of several trials; the better is the peak MFU is measured
    /// against. Best, not mean: a shared machine only ever makes a trial slower, and a low peak would
    /// flatter the MFU.
    /// </summary>
    public static IReadOnlyList<Result> Measure(int trials = 5)
    {
        return [Best(trials, () => Time(8_208, 512, 128, repeats: 20)), Best(trials, () => Time(2_048, 2_048, 2_048, repeats: 4))];
    }

    /// <summary>The better of two measurements of each shape (say, one before and one after the model runs).</summary>
    public static IReadOnlyList<Result> Better(IReadOnlyList<Result> first, IReadOnlyList<Result> second) =>
        [.. first.Zip(second, (a, b) => a.GflopsPerSecond >= b.GflopsPerSecond ? a : b)];

    private static Result Best(int trials, Func<Result> measure) =>
        Enumerable.Range(0, trials).Select(_ => measure()).MaxBy(r => r.GflopsPerSecond)!;

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
