using System.Globalization;
using HyenaFlow.Analysis;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// The UMAP parameter grid of the embedding experiment: every n_neighbors with every min_dist
/// (thesis Table 3.3: 6 × 6 = 36 settings). Rows of a grid figure are n_neighbors, columns min_dist.
/// </summary>
public sealed record UmapGrid(IReadOnlyList<int> NeighborCounts, IReadOnlyList<float> MinDistances)
{
    /// <summary>Table 3.3: n_neighbors {5, 10, 20, 50, 100, 200} × min_dist {0.0, 0.1, 0.25, 0.5, 0.8, 0.99}.</summary>
    public static UmapGrid Thesis { get; } = new([5, 10, 20, 50, 100, 200], [0f, 0.1f, 0.25f, 0.5f, 0.8f, 0.99f]);

    /// <summary>Every (n_neighbors, min_dist) pair, row by row.</summary>
    public IReadOnlyList<UmapSetting> Settings =>
        [.. NeighborCounts.SelectMany(n => MinDistances.Select(d => new UmapSetting(n, d)))];

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the grid is empty, holds a value UMAP rejects, or asks
    /// for more neighbours than <paramref name="pointCount"/> points of <paramref name="what"/> allow.
    /// </summary>
    public void Validate(int pointCount, string what)
    {
        if (NeighborCounts.Count == 0 || MinDistances.Count == 0)
            throw new ArgumentException("The UMAP grid needs at least one n_neighbors and one min_dist value.");
        foreach (int n in NeighborCounts)
        {
            if (n < 2) throw new ArgumentException($"n_neighbors {n} in the UMAP grid is below 2; UMAP needs the point itself and at least one neighbour.");
        }

        foreach (float d in MinDistances)
        {
            if (!float.IsFinite(d) || d < 0 || d > 1)
                throw new ArgumentException($"min_dist {d.ToString(CultureInfo.InvariantCulture)} in the UMAP grid is outside 0 … 1 (the spread).");
        }

        int largest = NeighborCounts.Max();
        if (pointCount < largest + 1)
        {
            throw new ArgumentException(
                $"{what} gives {pointCount} points but the UMAP grid's largest n_neighbors is {largest}; UMAP needs at least {largest + 1} points " +
                "(embed more sequences or leave the larger n_neighbors values out of the grid).");
        }
    }

    /// <summary>
    /// Fits UMAP for every setting. Each fit runs single-threaded, so its result is bit-identical for a
    /// seed; with <paramref name="parallel"/> the settings themselves run side by side.
    /// </summary>
    public IReadOnlyList<UmapGridCell> Run(float[,] data, int? epochs, int seed, bool parallel, IProgress<int>? settingsDone = null, CancellationToken cancellationToken = default)
    {
        Validate(data.GetLength(0), "the data");
        for (int i = 0; i < data.GetLength(0); i++)
        {
            for (int j = 0; j < data.GetLength(1); j++)
            {
                if (!float.IsFinite(data[i, j]))
                    throw new ArgumentException($"Point {i} has the non-finite value {data[i, j].ToString(CultureInfo.InvariantCulture)} in dimension {j}; UMAP needs finite vectors.", nameof(data));
            }
        }

        var settings = Settings;
        var cells = new UmapGridCell[settings.Count];
        int done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallel ? Environment.ProcessorCount : 1,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0, settings.Count, options, i => Fit(i));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // One failing fit: surface its own exception (with its message) rather than the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return cells;

        void Fit(int i)
        {
            var setting = settings[i];
            var umap = new UmapOptions
            {
                NeighborCount = setting.NeighborCount,
                MinDistance = setting.MinDistance,
                Epochs = epochs,
                Seed = seed,
                Parallel = false,
            };
            UmapResult result = Umap.Fit(data, umap);
            cells[i] = new UmapGridCell(setting, result.Embedding);
            settingsDone?.Report(Interlocked.Increment(ref done));
        }
    }
}

/// <summary>One UMAP setting of the grid.</summary>
public readonly record struct UmapSetting(int NeighborCount, float MinDistance)
{
    /// <summary>The panel title, as the thesis figures write it.</summary>
    public string Title => string.Create(CultureInfo.InvariantCulture, $"(n_neighbors, min_dist) = ({NeighborCount}, {MinDistanceText})");

    public string MinDistanceText => MinDistance.ToString("0.0#", CultureInfo.InvariantCulture);
}

/// <summary>The 2-D coordinates (points × 2) UMAP gave for one setting.</summary>
public sealed record UmapGridCell(UmapSetting Setting, float[,] Coordinates);
