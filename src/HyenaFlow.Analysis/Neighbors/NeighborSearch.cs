using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Neighbors;

/// <summary>Chooses exact search for small data and NN-descent for large, as umap-learn does.</summary>
internal static class NeighborSearch
{
    public static (KnnGraph Graph, string Method) Find(PointSpace space, UmapOptions options, IProgress<double>? progress = null)
    {
        if (space.Count <= options.ExactNeighborsLimit)
            return (ExactNeighbors.Find(space, options.NeighborCount, options.Parallel), "exact");
        var settings = NearestNeighborDescent.Settings.For(space.Count, options.NeighborCount);
        var graph = NearestNeighborDescent.Find(space, options.NeighborCount, options.Seed, options.Parallel, settings, progress);
        return (graph, $"nn-descent ({settings.TreeCount} trees, leaf {settings.LeafSize}, ≤{settings.Iterations} iterations)");
    }
}
