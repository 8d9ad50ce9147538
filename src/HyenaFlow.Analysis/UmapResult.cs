namespace HyenaFlow.Analysis;

/// <summary>The embedding and how it was made.</summary>
/// <param name="Embedding">One row per input row, <see cref="UmapOptions.Components"/> columns.</param>
/// <param name="Initialisation">What the layout started from, e.g. "spectral" or "random (graph has 3 components…)".</param>
/// <param name="NeighborSearch">"exact" or "nn-descent (…)".</param>
/// <param name="A">Fitted curve parameter a of 1/(1 + a·d^(2b)).</param>
/// <param name="B">Fitted curve parameter b.</param>
/// <param name="Epochs">Layout epochs run.</param>
/// <param name="Timings">Wall time per stage.</param>
public sealed record UmapResult(
    float[,] Embedding,
    string Initialisation,
    string NeighborSearch,
    float A,
    float B,
    int Epochs,
    UmapTimings Timings);

/// <summary>Wall time of each UMAP stage.</summary>
public sealed record UmapTimings(
    TimeSpan Neighbors,
    TimeSpan FuzzySet,
    TimeSpan Initialisation,
    TimeSpan Layout,
    TimeSpan Total)
{
    public override string ToString() =>
        $"knn {Neighbors.TotalSeconds:F2}s, graph {FuzzySet.TotalSeconds:F2}s, init {Initialisation.TotalSeconds:F2}s, " +
        $"layout {Layout.TotalSeconds:F2}s, total {Total.TotalSeconds:F2}s";
}
