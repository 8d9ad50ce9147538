using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Neighbors;

/// <summary>
/// Nearest-neighbour descent (Dong, Charikar &amp; Li 2011) as pynndescent runs it for umap-learn: start from
/// random projection tree leaves, then repeatedly compare each point's neighbours with each other
/// ("a neighbour of a neighbour is likely a neighbour") until few heaps change.
/// </summary>
/// <remarks>
/// Candidate comparisons are generated in parallel while the heaps are only read, then applied in a fixed
/// order, so the result is the same bit for bit with or without parallelism.
/// </remarks>
internal static class NearestNeighborDescent
{
    private const int MaxCandidatesCap = 60;
    private const double StopFraction = 0.001;
    private const int ChunkRows = 4096;
    private const int PartsPerChunk = 32;

    private readonly record struct Update(int P, int Q, float Distance);

    public sealed record Settings(int TreeCount, int LeafSize, int Iterations)
    {
        /// <summary>umap-learn's choices for pynndescent.</summary>
        public static Settings For(int count, int k) => new(
            TreeCount: Math.Min(64, 5 + (int)Math.Round(Math.Sqrt(count) / 20.0)),
            LeafSize: Math.Max(10, k),
            Iterations: Math.Max(5, (int)Math.Round(Math.Log2(count))));
    }

    public static KnnGraph Find(PointSpace space, int k, int seed, bool parallel, Settings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= Settings.For(space.Count, k);
        var heaps = new NeighborHeaps(space.Count, k - 1);
        var forest = RandomProjectionForest.Build(space, settings.TreeCount, settings.LeafSize, seed, parallel);
        foreach (var tree in forest)
            JoinLeaves(space, heaps, tree, parallel);
        FillWithRandom(space, heaps, seed);

        var rng = FastRandom.For(seed, 3);
        int maxCandidates = Math.Min(MaxCandidatesCap, k);
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            var (fresh, old) = BuildCandidates(heaps, maxCandidates, ref rng);
            long changes = LocalJoin(space, heaps, fresh, old, maxCandidates, parallel);
            progress?.Report((iteration + 1.0) / settings.Iterations);
            if (changes <= StopFraction * heaps.Size * space.Count)
                break;
        }

        return ExactNeighbors.ToGraph(heaps, space);
    }

    /// <summary>All pairs within each leaf. Leaves of one tree are disjoint, so they fill their own heaps in parallel safely.</summary>
    private static void JoinLeaves(PointSpace space, NeighborHeaps heaps, RandomProjectionForest.Leaves tree, bool parallel)
    {
        int leafCount = tree.Starts.Length - 1;
        void Join(int leaf)
        {
            for (int a = tree.Starts[leaf]; a < tree.Starts[leaf + 1]; a++)
            {
                int p = tree.Order[a];
                for (int b = a + 1; b < tree.Starts[leaf + 1]; b++)
                {
                    int q = tree.Order[b];
                    float d = space.Reduced(p, q);
                    heaps.Push(p, q, d);
                    heaps.Push(q, p, d);
                }
            }
        }

        if (parallel)
            Parallel.For(0, leafCount, Join);
        else
            for (int leaf = 0; leaf < leafCount; leaf++)
                Join(leaf);
    }

    private static void FillWithRandom(PointSpace space, NeighborHeaps heaps, int seed)
    {
        var rng = FastRandom.For(seed, 2);
        for (int p = 0; p < space.Count; p++)
        {
            int missing = 0;
            for (int m = 0; m < heaps.Size; m++)
                missing += heaps.Indices[p * heaps.Size + m] < 0 ? 1 : 0;
            for (int tries = 0; missing > 0 && tries < 4 * heaps.Size + 16; tries++)
            {
                int q = rng.NextInt(space.Count);
                if (q != p && heaps.Push(p, q, space.Reduced(p, q)))
                    missing--;
            }
        }
    }

    /// <summary>
    /// Samples up to maxCandidates "new" and "old" neighbours per point, both forward and reverse, with
    /// random priorities; sampled new neighbours then count as old.
    /// </summary>
    private static (int[] Fresh, int[] Old) BuildCandidates(NeighborHeaps heaps, int maxCandidates, ref FastRandom rng)
    {
        int n = heaps.Count;
        var fresh = new CandidateHeaps(n, maxCandidates);
        var old = new CandidateHeaps(n, maxCandidates);
        for (int p = 0; p < n; p++)
        {
            for (int m = p * heaps.Size; m < (p + 1) * heaps.Size; m++)
            {
                int q = heaps.Indices[m];
                if (q < 0)
                    continue;
                float priority = rng.NextFloat();
                var target = heaps.IsNew[m] ? fresh : old;
                target.Push(p, q, priority);
                target.Push(q, p, priority);
            }
        }

        for (int p = 0; p < n; p++)
        {
            for (int m = p * heaps.Size; m < (p + 1) * heaps.Size; m++)
            {
                if (heaps.IsNew[m] && fresh.Contains(p, heaps.Indices[m]))
                    heaps.IsNew[m] = false;
            }
        }

        return (fresh.Items, old.Items);
    }

    private static long LocalJoin(PointSpace space, NeighborHeaps heaps, int[] fresh, int[] old, int width, bool parallel)
    {
        long changes = 0;
        var parts = new List<Update>[PartsPerChunk];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = [];
        for (int chunkStart = 0; chunkStart < space.Count; chunkStart += ChunkRows)
        {
            int chunkEnd = Math.Min(space.Count, chunkStart + ChunkRows);
            int partRows = (chunkEnd - chunkStart + PartsPerChunk - 1) / PartsPerChunk;
            void Generate(int part)
            {
                var updates = parts[part];
                updates.Clear();
                int from = chunkStart + part * partRows, to = Math.Min(chunkEnd, from + partRows);
                for (int i = from; i < to; i++)
                    GenerateFor(i, space, heaps, fresh, old, width, updates);
            }

            if (parallel)
                Parallel.For(0, PartsPerChunk, Generate);
            else
                for (int part = 0; part < PartsPerChunk; part++)
                    Generate(part);

            foreach (var updates in parts)
            {
                foreach (var u in updates)
                {
                    changes += heaps.Push(u.P, u.Q, u.Distance) ? 1 : 0;
                    changes += heaps.Push(u.Q, u.P, u.Distance) ? 1 : 0;
                }
            }
        }

        return changes;
    }

    private static void GenerateFor(int i, PointSpace space, NeighborHeaps heaps, int[] fresh, int[] old, int width, List<Update> updates)
    {
        ReadOnlySpan<int> news = fresh.AsSpan(i * width, width), olds = old.AsSpan(i * width, width);
        for (int a = 0; a < width; a++)
        {
            int p = news[a];
            if (p < 0)
                continue;
            for (int b = a + 1; b < width; b++)
                Consider(p, news[b]);
            for (int b = 0; b < width; b++)
                Consider(p, olds[b]);
        }

        void Consider(int p, int q)
        {
            if (q < 0 || q == p)
                return;
            float d = space.Reduced(p, q);
            if (d < heaps.Threshold(p) || d < heaps.Threshold(q))
                updates.Add(new Update(p, q, d));
        }
    }

    /// <summary>Per point, the candidates with the smallest random priorities (a bounded max-heap on priority).</summary>
    private sealed class CandidateHeaps
    {
        private readonly float[] _priorities;
        private readonly int _width;

        public CandidateHeaps(int count, int width)
        {
            _width = width;
            Items = new int[count * width];
            _priorities = new float[count * width];
            Array.Fill(Items, -1);
            Array.Fill(_priorities, float.PositiveInfinity);
        }

        public int[] Items { get; }

        public bool Contains(int point, int item) => Items.AsSpan(point * _width, _width).Contains(item);

        public void Push(int point, int item, float priority)
        {
            int start = point * _width;
            if (!(priority < _priorities[start]) || Contains(point, item))
                return;
            int i = 0;
            while (true)
            {
                int left = 2 * i + 1, right = left + 1;
                if (left >= _width)
                    break;
                int largest = right < _width && _priorities[start + right] > _priorities[start + left] ? right : left;
                if (_priorities[start + largest] <= priority)
                    break;
                _priorities[start + i] = _priorities[start + largest];
                Items[start + i] = Items[start + largest];
                i = largest;
            }

            _priorities[start + i] = priority;
            Items[start + i] = item;
        }
    }
}
