namespace HyenaFlow.Analysis.Neighbors;

/// <summary>
/// Each point's k nearest neighbours, nearest first, in flat row-major arrays. As in umap-learn, column 0
/// is the point itself at distance 0, so k counts the point.
/// </summary>
internal sealed record KnnGraph(int[] Indices, float[] Distances, int Count, int K)
{
    public ReadOnlySpan<int> IndicesOf(int point) => Indices.AsSpan(point * K, K);

    public ReadOnlySpan<float> DistancesOf(int point) => Distances.AsSpan(point * K, K);
}
