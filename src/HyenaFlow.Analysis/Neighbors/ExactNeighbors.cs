using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Neighbors;

/// <summary>Brute force: every pair is compared. Rows are independent, so parallel and serial runs agree exactly.</summary>
internal static class ExactNeighbors
{
    public static KnnGraph Find(PointSpace space, int k, bool parallel)
    {
        // The heap keeps the k − 1 others; the point itself is prepended as column 0.
        var heaps = new NeighborHeaps(space.Count, k - 1);
        void SearchRow(int i)
        {
            for (int j = 0; j < space.Count; j++)
            {
                if (j != i)
                    heaps.PushDistinct(i, j, space.Reduced(i, j));
            }
        }

        if (parallel)
            Parallel.For(0, space.Count, SearchRow);
        else
            for (int i = 0; i < space.Count; i++)
                SearchRow(i);
        return ToGraph(heaps, space);
    }

    /// <summary>Sorts the heaps and adds each point as its own nearest neighbour, with true distances.</summary>
    public static KnnGraph ToGraph(NeighborHeaps heaps, PointSpace space)
    {
        heaps.SortRows();
        int n = heaps.Count, k = heaps.Size + 1;
        var indices = new int[n * k];
        var distances = new float[n * k];
        for (int i = 0; i < n; i++)
        {
            indices[i * k] = i;
            for (int m = 0; m < heaps.Size; m++)
            {
                indices[i * k + 1 + m] = heaps.Indices[i * heaps.Size + m];
                distances[i * k + 1 + m] = space.ToTrue(heaps.Distances[i * heaps.Size + m]);
            }
        }

        return new KnnGraph(indices, distances, n, k);
    }
}
