using System.Diagnostics;
using HyenaFlow.Bench;

namespace HyenaFlow.Analysis.Bench;

/// <summary>
/// The same data through umap-js (reference, single-threaded JavaScript) and HyenaFlow's UMAP (serial and
/// parallel): fit time and neighbourhood quality side by side, with ratios against umap-js.
/// </summary>
public abstract class UmapComparison : IBenchmark
{
    private const int Seed = 42;
    private const int Neighbors = 15;
    private const float MinDist = 0.1f;
    private const int QualityK = 10;

    protected abstract int Count { get; }

    /// <summary>Points scored for trustworthiness; null scores all of them.</summary>
    protected abstract int? QualitySample { get; }

    public abstract string Name { get; }

    public string Description =>
        $"{Count:N0} × 256 manifold mixture: umap-js vs HyenaFlow, time and trustworthiness@{QualityK}" +
        (QualitySample is int s ? $" (on a seeded random subsample of {s:N0} points, the same for both)" : "");

    public async Task RunAsync(TextWriter output)
    {
        output.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}  ({Environment.ProcessorCount} cores)");
        var (data, _) = ManifoldMixture.Generate(Count, 256, Seed);
        int epochs = UmapOptions.DefaultEpochs(Count);
        int[] scored = Subsample(Count, QualitySample);
        var high = Rows(data, scored);
        output.WriteLine($"n_neighbors {Neighbors}, min_dist {MinDist}, {epochs} epochs for every method (umap-learn's default for this size), seed {Seed}");

        var rows = new List<(string Method, double Seconds, string Extra, double Trust, double Kept)>();
        string folder = Directory.CreateTempSubdirectory("hyenaflow-umap-bench-").FullName;
        try
        {
            var js = UmapJs.Locate(output);
            if (js is not null)
            {
                string file = Path.Combine(folder, "data.bin");
                MatrixFile.Write(file, data);
                var run = await Task.Run(() => js.Fit(file, Neighbors, MinDist, epochs, Seed, TimeSpan.FromMinutes(8)));
                var low = Rows(run.Embedding, scored);
                rows.Add(("umap-js 1.4.0 (node, 1 thread)", run.FitSeconds, $"node process {run.ProcessSeconds:F1}s; random init", Trust(high, low), Kept(high, low)));
            }

            foreach (bool parallel in new[] { false, true })
            {
                var options = new UmapOptions { NeighborCount = Neighbors, MinDistance = MinDist, Epochs = epochs, Seed = Seed, Parallel = parallel };
                var clock = Stopwatch.StartNew();
                var result = Umap.Fit(data, options);
                double seconds = clock.Elapsed.TotalSeconds;
                var low = Rows(result.Embedding, scored);
                string method = parallel ? $"HyenaFlow ({Environment.ProcessorCount} threads)" : "HyenaFlow (1 thread)";
                rows.Add((method, seconds, $"{result.Timings}; {result.NeighborSearch}; init {result.Initialisation}", Trust(high, low), Kept(high, low)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var reference = rows[0];
        output.WriteLine();
        output.WriteLine($"| method | fit time (s) | speed-up vs {reference.Method.Split(' ')[0]} | trustworthiness@{QualityK} | Δ vs ref | kNN preservation@{QualityK} |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            output.WriteLine($"| {row.Method} | {row.Seconds:F2} | {reference.Seconds / row.Seconds:F2}× | {row.Trust:F4} | {row.Trust - reference.Trust:+0.0000;-0.0000;0.0000} | {row.Kept:F4} |");
        }

        output.WriteLine();
        foreach (var row in rows)
            output.WriteLine($"  {row.Method}: {row.Extra}");
        output.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static double Trust(float[,] high, float[,] low) => EmbeddingQuality.Trustworthiness(high, low, QualityK);

    private static double Kept(float[,] high, float[,] low) => EmbeddingQuality.KnnPreservation(high, low, QualityK);

    private static int[] Subsample(int count, int? sample)
    {
        int[] all = [.. Enumerable.Range(0, count)];
        if (sample is not int size || size >= count)
            return all;
        new Random(Seed + 1).Shuffle(all);
        return [.. all.Take(size).Order()];
    }

    private static float[,] Rows(float[,] data, int[] rows)
    {
        int columns = data.GetLength(1);
        var result = new float[rows.Length, columns];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < columns; c++)
                result[r, c] = data[rows[r], c];
        return result;
    }
}

/// <summary>The thesis's size: 3,960 embeddings of 256 dimensions.</summary>
public sealed class ThesisSizeUmapComparison : UmapComparison
{
    public override string Name => "umap-3960";

    protected override int Count => 3_960;

    protected override int? QualitySample => null;
}

/// <summary>A larger run where HyenaFlow switches to NN-descent.</summary>
public sealed class LargeUmapComparison : UmapComparison
{
    public override string Name => "umap-50k";

    protected override int Count => 50_000;

    protected override int? QualitySample => 5_000;
}
