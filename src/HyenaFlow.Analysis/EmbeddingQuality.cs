using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Quality;

namespace HyenaFlow.Analysis;

/// <summary>How well an embedding keeps the neighbourhoods of the original data. Exact: O(n²·d), fine up to tens of thousands of points.</summary>
public static class EmbeddingQuality
{
    /// <summary>
    /// Trustworthiness (Venna &amp; Kaski 2001; the definition scikit-learn uses):
    /// T(k) = 1 − 2/(n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Uᵢ} (r(i, j) − k), where Uᵢ are the k nearest neighbours
    /// of i in the embedding that are not among its k nearest in the original space and r(i, j) is j's exact
    /// rank among i's original-space neighbours (1 = nearest; ties by row order). 1 means no intruders.
    /// </summary>
    public static double Trustworthiness(float[,] highDim, float[,] lowDim, int k = 10, DistanceMetric metric = DistanceMetric.Euclidean, bool parallel = true) =>
        NeighborhoodComparison.Trustworthiness(Spaces(DataMatrix.From(highDim, nameof(highDim)), DataMatrix.From(lowDim, nameof(lowDim)), k, metric), k, parallel);

    /// <inheritdoc cref="Trustworthiness(float[,], float[,], int, DistanceMetric, bool)"/>
    public static double Trustworthiness(float[][] highDim, float[][] lowDim, int k = 10, DistanceMetric metric = DistanceMetric.Euclidean, bool parallel = true) =>
        NeighborhoodComparison.Trustworthiness(Spaces(DataMatrix.From(highDim, nameof(highDim)), DataMatrix.From(lowDim, nameof(lowDim)), k, metric), k, parallel);

    /// <summary>Mean over points of the fraction of its k nearest original-space neighbours that are also among its k nearest in the embedding.</summary>
    public static double KnnPreservation(float[,] highDim, float[,] lowDim, int k = 10, DistanceMetric metric = DistanceMetric.Euclidean, bool parallel = true) =>
        NeighborhoodComparison.KnnPreservation(Spaces(DataMatrix.From(highDim, nameof(highDim)), DataMatrix.From(lowDim, nameof(lowDim)), k, metric), k, parallel);

    /// <inheritdoc cref="KnnPreservation(float[,], float[,], int, DistanceMetric, bool)"/>
    public static double KnnPreservation(float[][] highDim, float[][] lowDim, int k = 10, DistanceMetric metric = DistanceMetric.Euclidean, bool parallel = true) =>
        NeighborhoodComparison.KnnPreservation(Spaces(DataMatrix.From(highDim, nameof(highDim)), DataMatrix.From(lowDim, nameof(lowDim)), k, metric), k, parallel);

    private static (PointSpace High, PointSpace Low) Spaces(DataMatrix high, DataMatrix low, int k, DistanceMetric metric)
    {
        if (high.Rows != low.Rows)
            throw new ArgumentException($"highDim has {high.Rows} rows but lowDim has {low.Rows}; they must describe the same points.", nameof(low));
        if (k < 1 || k >= high.Rows / 2.0)
            throw new ArgumentException($"k is {k}; it must be at least 1 and below half the number of points ({high.Rows}).", nameof(k));
        return (new PointSpace(high, metric), new PointSpace(low, DistanceMetric.Euclidean));
    }
}
