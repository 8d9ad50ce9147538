namespace HyenaFlow.Analysis.Neighbors;

/// <summary>
/// One bounded max-heap per point (farthest kept neighbour at the root), in flat arrays. A push that is
/// not closer than the root, or that repeats a neighbour, is refused, so the heap ends up holding the
/// closest distinct candidates ever offered whatever the order of offers.
/// </summary>
internal sealed class NeighborHeaps
{
    public NeighborHeaps(int count, int size)
    {
        Count = count;
        Size = size;
        Indices = new int[count * size];
        Distances = new float[count * size];
        IsNew = new bool[count * size];
        Array.Fill(Indices, -1);
        Array.Fill(Distances, float.PositiveInfinity);
    }

    public int Count { get; }

    public int Size { get; }

    public int[] Indices { get; }

    public float[] Distances { get; }

    /// <summary>NN-descent's flag: a neighbour not yet used in a local join.</summary>
    public bool[] IsNew { get; }

    public float Threshold(int point) => Distances[point * Size];

    public bool Push(int point, int neighbor, float distance, bool isNew = true)
    {
        int start = point * Size;
        if (!(distance < Distances[start]))
            return false;
        for (int m = start; m < start + Size; m++)
            if (Indices[m] == neighbor)
                return false;
        ReplaceRoot(start, neighbor, distance, isNew);
        return true;
    }

    /// <summary>Push without the duplicate check, for searches that never offer a neighbour twice.</summary>
    public void PushDistinct(int point, int neighbor, float distance)
    {
        int start = point * Size;
        if (distance < Distances[start])
            ReplaceRoot(start, neighbor, distance, true);
    }

    /// <summary>Orders every row nearest first (ties by index) so the arrays read as sorted neighbour lists.</summary>
    public void SortRows()
    {
        var keys = new float[Size];
        var items = new int[Size];
        for (int p = 0; p < Count; p++)
        {
            Distances.AsSpan(p * Size, Size).CopyTo(keys);
            Indices.AsSpan(p * Size, Size).CopyTo(items);
            Array.Sort(keys, items, Comparer<float>.Default);
            TieBreakByIndex(keys, items);
            keys.CopyTo(Distances.AsSpan(p * Size, Size));
            items.CopyTo(Indices.AsSpan(p * Size, Size));
        }
    }

    private static void TieBreakByIndex(float[] keys, int[] items)
    {
        for (int s = 0; s < keys.Length;)
        {
            int e = s + 1;
            while (e < keys.Length && keys[e] == keys[s])
                e++;
            if (e - s > 1)
                Array.Sort(items, s, e - s);
            s = e;
        }
    }

    private void ReplaceRoot(int start, int neighbor, float distance, bool isNew)
    {
        int size = Size, i = 0;
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, largest;
            if (left >= size)
                break;
            largest = right < size && Distances[start + right] > Distances[start + left] ? right : left;
            if (Distances[start + largest] <= distance)
                break;
            Distances[start + i] = Distances[start + largest];
            Indices[start + i] = Indices[start + largest];
            IsNew[start + i] = IsNew[start + largest];
            i = largest;
        }

        Distances[start + i] = distance;
        Indices[start + i] = neighbor;
        IsNew[start + i] = isNew;
    }
}
