using System.Diagnostics;
using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Graph;
using HyenaFlow.Analysis.Layout;
using HyenaFlow.Analysis.Neighbors;

namespace HyenaFlow.Analysis;

/// <summary>
/// Uniform Manifold Approximation and Projection (McInnes, Healy &amp; Melville 2018), following umap-learn:
/// k nearest neighbours → fuzzy simplicial set → spectral initialisation → SGD layout.
/// </summary>
public static class Umap
{
    /// <summary>Embeds the rows of <paramref name="data"/> (points × features).</summary>
    /// <exception cref="ArgumentException">Empty data, a non-finite value, too few points or invalid options.</exception>
    public static UmapResult Fit(float[,] data, UmapOptions? options = null, IProgress<UmapProgress>? progress = null) =>
        Fit(DataMatrix.From(data), options ?? new UmapOptions(), progress);

    /// <inheritdoc cref="Fit(float[,], UmapOptions?, IProgress{UmapProgress}?)"/>
    public static UmapResult Fit(float[][] data, UmapOptions? options = null, IProgress<UmapProgress>? progress = null) =>
        Fit(DataMatrix.From(data), options ?? new UmapOptions(), progress);

    /// <summary>Embeds <paramref name="rows"/> points stored row-major in <paramref name="data"/>, <paramref name="columns"/> values each.</summary>
    public static UmapResult Fit(ReadOnlySpan<float> data, int rows, int columns, UmapOptions? options = null, IProgress<UmapProgress>? progress = null) =>
        Fit(DataMatrix.From(data, rows, columns), options ?? new UmapOptions(), progress);

    private static UmapResult Fit(DataMatrix data, UmapOptions options, IProgress<UmapProgress>? progress)
    {
        options.Validate();
        if (data.Rows < options.NeighborCount + 1)
        {
            throw new ArgumentException(
                $"data has {data.Rows} points but n_neighbors is {options.NeighborCount}; UMAP needs at least n_neighbors + 1 = {options.NeighborCount + 1} points.",
                nameof(data));
        }

        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var space = new PointSpace(data, options.Metric);
        var (knn, search) = NeighborSearch.Find(space, options, Stage(progress, "neighbors"));
        progress?.Report(new UmapProgress("neighbors", 1));
        TimeSpan neighborTime = stage.Elapsed;

        stage.Restart();
        int epochs = options.ResolveEpochs(data.Rows);
        var graph = FuzzySimplicialSet.Build(knn);
        // Edges too light to be sampled even once in the run are dropped, as umap-learn does.
        graph = graph.WithoutEdgesBelow(graph.MaxWeight() / (epochs > 10 ? epochs : UmapOptions.DefaultEpochs(data.Rows)));
        progress?.Report(new UmapProgress("fuzzy set", 1));
        TimeSpan graphTime = stage.Elapsed;

        stage.Restart();
        var (coordinates, initialisation) = InitialLayout.Create(graph, space, options);
        progress?.Report(new UmapProgress("initialisation", 1));
        TimeSpan initTime = stage.Elapsed;

        stage.Restart();
        var (a, b) = CurveFit.FitAB(options.Spread, options.MinDistance);
        new LayoutOptimizer(coordinates, options.Components, graph, a, b)
            .Run(epochs, options.Seed, options.Parallel, Stage(progress, "layout"));
        TimeSpan layoutTime = stage.Elapsed;

        var embedding = new float[data.Rows, options.Components];
        Buffer.BlockCopy(coordinates, 0, embedding, 0, coordinates.Length * sizeof(float));
        var timings = new UmapTimings(neighborTime, graphTime, initTime, layoutTime, total.Elapsed);
        return new UmapResult(embedding, initialisation, search, a, b, epochs, timings);
    }

    private static IProgress<double>? Stage(IProgress<UmapProgress>? progress, string name) =>
        progress is null ? null : new StageProgress(progress, name);

    // Reports synchronously (unlike Progress<T>, which posts to a context) so the order is kept.
    private sealed class StageProgress(IProgress<UmapProgress> target, string stage) : IProgress<double>
    {
        public void Report(double value) => target.Report(new UmapProgress(stage, value));
    }
}
