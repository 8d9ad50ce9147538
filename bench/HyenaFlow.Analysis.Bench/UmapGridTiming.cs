using System.Diagnostics;
using HyenaFlow.Bench;

namespace HyenaFlow.Analysis.Bench;

/// <summary>
/// The embedding experiment's whole UMAP grid (thesis Table 3.3: n_neighbors {5, 10, 20, 50, 100, 200} ×
/// min_dist {0.0, 0.1, 0.25, 0.5, 0.8, 0.99}) on 3,960 × 256 points, run the way the umap stage runs it: every
/// fit single-threaded and seeded, the settings one after another, then side by side on every core. The
/// reference is the serial grid; the single default fit (n_neighbors 15) gives the per-fit scale.
/// </summary>
public sealed class UmapGridTiming : IBenchmark
{
    private const int Count = 3_960;
    private const int Seed = 42;
    private static readonly int[] NeighborCounts = [5, 10, 20, 50, 100, 200];
    private static readonly float[] MinDistances = [0f, 0.1f, 0.25f, 0.5f, 0.8f, 0.99f];

    public string Name => "umap-grid-3960";

    public string Description => $"the thesis's 6 × 6 UMAP grid on {Count:N0} × 256 points: serial vs settings side by side";

    public Task RunAsync(TextWriter output)
    {
        output.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}  ({Environment.ProcessorCount} cores)");
        var (data, _) = ManifoldMixture.Generate(Count, 256, Seed);
        var single = Stopwatch.StartNew();
        Umap.Fit(data, Options(15, 0.1f));
        double oneFit = single.Elapsed.TotalSeconds;
        output.WriteLine($"one fit (n_neighbors 15, min_dist 0.1, 1 thread): {oneFit:F1} s");

        var perNeighbors = new double[NeighborCounts.Length];
        float[,] last = new float[0, 0];
        var serial = Stopwatch.StartNew();
        for (int n = 0; n < NeighborCounts.Length; n++)
        {
            var row = Stopwatch.StartNew();
            foreach (float d in MinDistances)
                last = Umap.Fit(data, Options(NeighborCounts[n], d)).Embedding;
            perNeighbors[n] = row.Elapsed.TotalSeconds;
            output.WriteLine($"  n_neighbors {NeighborCounts[n],3}: 6 fits in {perNeighbors[n]:F1} s");
        }

        double serialSeconds = serial.Elapsed.TotalSeconds;

        // The umap stage also scores every setting: exact trustworthiness@10 is O(n²·d) per setting.
        var quality = Stopwatch.StartNew();
        double trust = EmbeddingQuality.Trustworthiness(data, last, 10, parallel: false);
        double qualitySerial = quality.Elapsed.TotalSeconds;
        quality.Restart();
        EmbeddingQuality.Trustworthiness(data, last, 10, parallel: true);
        double qualityParallel = quality.Elapsed.TotalSeconds;
        output.WriteLine($"trustworthiness@10 of one setting ({trust:F4}): {qualitySerial:F2} s on 1 thread, {qualityParallel:F2} s on {Environment.ProcessorCount}");
        output.WriteLine($"load average between runs: {File.ReadAllText("/proc/loadavg").Trim()}");

        var settings = NeighborCounts.SelectMany(n => MinDistances.Select(d => (n, d))).ToArray();
        var parallel = Stopwatch.StartNew();
        Parallel.For(0, settings.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => Umap.Fit(data, Options(settings[i].n, settings[i].d)));
        double parallelSeconds = parallel.Elapsed.TotalSeconds;

        output.WriteLine();
        output.WriteLine("| grid run | wall time (s) | vs serial | per setting (s) | settings / single default fit |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        output.WriteLine($"| 36 settings one after another, 1 thread | {serialSeconds:F1} | 1.00× | {serialSeconds / 36:F2} | {serialSeconds / oneFit:F1} |");
        output.WriteLine($"| 36 settings side by side, {Environment.ProcessorCount} threads | {parallelSeconds:F1} | {serialSeconds / parallelSeconds:F2}× | {parallelSeconds / 36:F2} | {parallelSeconds / oneFit:F1} |");
        output.WriteLine($"| + trustworthiness of the 36 settings, 1 thread / {Environment.ProcessorCount} threads | {36 * qualitySerial:F1} / {36 * qualityParallel:F1} | | | |");
        output.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return Task.CompletedTask;
    }

    private static UmapOptions Options(int neighbors, float minDist) =>
        new() { NeighborCount = neighbors, MinDistance = minDist, Seed = Seed, Parallel = false };
}
