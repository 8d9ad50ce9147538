using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Neighbors;

/// <summary>
/// Random projection trees (as in pynndescent): each node splits its points by the hyperplane halfway
/// between two of them, until leaves are small. Points sharing a leaf are likely neighbours, which gives
/// NN-descent a good start.
/// </summary>
internal static class RandomProjectionForest
{
    /// <summary>One tree's leaves: <c>Order</c> is a permutation of the points, leaf l is Order[Starts[l]..Starts[l+1]).</summary>
    public sealed record Leaves(int[] Order, int[] Starts);

    public static Leaves[] Build(PointSpace space, int treeCount, int leafSize, int seed, bool parallel)
    {
        var trees = new Leaves[treeCount];
        if (parallel)
            Parallel.For(0, treeCount, t => trees[t] = BuildTree(space, leafSize, FastRandom.For(seed, 1, t)));
        else
            for (int t = 0; t < treeCount; t++)
                trees[t] = BuildTree(space, leafSize, FastRandom.For(seed, 1, t));
        return trees;
    }

    private static Leaves BuildTree(PointSpace space, int leafSize, FastRandom rng)
    {
        int n = space.Count, dims = space.Dimensions;
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        var starts = new List<int>();
        var normal = new float[dims];
        var pending = new Stack<(int Start, int End)>();
        pending.Push((0, n));
        var leaves = new List<(int Start, int End)>();
        while (pending.Count > 0)
        {
            var (start, end) = pending.Pop();
            if (end - start <= leafSize)
            {
                leaves.Add((start, end));
                continue;
            }

            int middle = Split(space, order, start, end, normal, ref rng);
            pending.Push((middle, end));
            pending.Push((start, middle));
        }

        leaves.Sort((x, y) => x.Start.CompareTo(y.Start));
        var leafStarts = new int[leaves.Count + 1];
        for (int l = 0; l < leaves.Count; l++)
            leafStarts[l] = leaves[l].Start;
        leafStarts[^1] = n;
        return new Leaves(order, leafStarts);
    }

    /// <summary>Partitions order[start..end) in place by a random hyperplane; returns where the right side begins.</summary>
    private static int Split(PointSpace space, int[] order, int start, int end, float[] normal, ref FastRandom rng)
    {
        int count = end - start;
        int a = order[start + rng.NextInt(count)];
        int b = order[start + rng.NextInt(count - 1)];
        if (b == a)
            b = order[end - 1];
        ReadOnlySpan<float> x = space.Row(a), y = space.Row(b);
        float offset = 0;
        for (int d = 0; d < normal.Length; d++)
        {
            normal[d] = x[d] - y[d];
            offset -= normal[d] * (x[d] + y[d]) * 0.5f;
        }

        // Unit rows (cosine) split through the origin, as pynndescent's angular trees do.
        if (space.Metric == DistanceMetric.Cosine)
            offset = 0;

        int left = start, right = end - 1;
        while (left <= right)
        {
            float margin = VectorMath.Dot(normal, space.Row(order[left])) + offset;
            bool goesLeft = margin == 0 ? rng.NextInt(2) == 0 : margin < 0;
            if (goesLeft)
                left++;
            else
            {
                (order[left], order[right]) = (order[right], order[left]);
                right--;
            }
        }

        // A degenerate split (all points on one side, e.g. duplicates) would never end: halve instead.
        return left == start || left == end ? start + count / 2 : left;
    }
}
