using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Graph;

namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// UMAP's stochastic gradient descent (umap-learn's optimize_layout_euclidean): each edge is sampled in
/// proportion to its weight and pulls its two ends together; each sample also pushes the point away from
/// a few random points (negative sampling). Gradients are clipped to ±4 and the learning rate falls
/// linearly from 1 to 0 over the epochs.
/// </summary>
internal sealed class LayoutOptimizer
{
    private const float Clip = 4f;
    private const int BlockEdges = 8192;

    private readonly float[] _coordinates;
    private readonly int _dim;
    private readonly int _count;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly float[] _epochsPerSample;
    private readonly float[] _epochOfNextSample;
    private readonly float[] _epochsPerNegativeSample;
    private readonly float[] _epochOfNextNegativeSample;
    private readonly float _a;
    private readonly float _b;

    public LayoutOptimizer(float[] coordinates, int dim, SparseGraph graph, float a, float b)
    {
        _coordinates = coordinates;
        _dim = dim;
        _count = graph.Count;
        _a = a;
        _b = b;
        int edges = graph.EdgeCount;
        _head = new int[edges];
        _tail = graph.Columns;
        for (int i = 0; i < graph.Count; i++)
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
                _head[e] = i;

        // make_epochs_per_sample: the heaviest edge is sampled every epoch, an edge of weight w every max/w epochs.
        float max = graph.MaxWeight();
        _epochsPerSample = new float[edges];
        _epochsPerNegativeSample = new float[edges];
        for (int e = 0; e < edges; e++)
        {
            _epochsPerSample[e] = max / graph.Weights[e];
            _epochsPerNegativeSample[e] = _epochsPerSample[e] / UmapOptions.NegativeSampleRate;
        }

        _epochOfNextSample = (float[])_epochsPerSample.Clone();
        _epochOfNextNegativeSample = (float[])_epochsPerNegativeSample.Clone();
    }

    public void Run(int epochs, int seed, bool parallel, IProgress<double>? progress)
    {
        int blocks = (_head.Length + BlockEdges - 1) / BlockEdges;
        float alpha = UmapOptions.InitialLearningRate;
        int reportEvery = Math.Max(1, epochs / 100);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int current = epoch;
            float rate = alpha;
            // Each block has its own random stream, so a serial run is reproducible and a parallel one
            // differs from it only through threads racing on shared coordinates (Hogwild).
            void RunBlock(int block)
            {
                var rng = FastRandom.For(seed, 1000 + current, block);
                int end = Math.Min(_head.Length, (block + 1) * BlockEdges);
                for (int e = block * BlockEdges; e < end; e++)
                {
                    if (_epochOfNextSample[e] > current)
                        continue;
                    if (_dim == 2)
                        SamplePlane(e, current, rate, ref rng);
                    else
                        Sample(e, current, rate, ref rng);
                }
            }

            if (parallel)
                Parallel.For(0, blocks, RunBlock);
            else
                for (int block = 0; block < blocks; block++)
                    RunBlock(block);

            alpha = UmapOptions.InitialLearningRate * (1f - (float)epoch / epochs);
            if (progress is not null && ((epoch + 1) % reportEvery == 0 || epoch + 1 == epochs))
                progress.Report((epoch + 1.0) / epochs);
        }
    }

    private void Sample(int edge, int epoch, float alpha, ref FastRandom rng)
    {
        int j = _head[edge], k = _tail[edge];
        Span<float> current = _coordinates.AsSpan(j * _dim, _dim);
        Span<float> other = _coordinates.AsSpan(k * _dim, _dim);
        float distanceSquared = SquaredDistance(current, other);
        float attraction = 0;
        if (distanceSquared > 0)
        {
            float power = MathF.Pow(distanceSquared, _b);
            attraction = -2f * _a * _b * (power / distanceSquared) / (_a * power + 1f);
        }

        for (int d = 0; d < _dim; d++)
        {
            float gradient = Math.Clamp(attraction * (current[d] - other[d]), -Clip, Clip);
            current[d] += gradient * alpha;
            other[d] -= gradient * alpha;
        }

        _epochOfNextSample[edge] += _epochsPerSample[edge];

        int negatives = (int)((epoch - _epochOfNextNegativeSample[edge]) / _epochsPerNegativeSample[edge]);
        for (int p = 0; p < negatives; p++)
        {
            int negative = rng.NextInt(_count);
            if (negative == j)
                continue;
            Span<float> away = _coordinates.AsSpan(negative * _dim, _dim);
            distanceSquared = SquaredDistance(current, away);
            if (distanceSquared <= 0)
                continue;
            float power = MathF.Pow(distanceSquared, _b);
            float repulsion = 2f * _b / ((0.001f + distanceSquared) * (_a * power + 1f));
            for (int d = 0; d < _dim; d++)
                current[d] += Math.Clamp(repulsion * (current[d] - away[d]), -Clip, Clip) * alpha;
        }

        _epochOfNextNegativeSample[edge] += negatives * _epochsPerNegativeSample[edge];
    }

    /// <summary><see cref="Sample"/> for the usual 2-D embedding, with the coordinate loops unrolled and no bounds checks.</summary>
    private unsafe void SamplePlane(int edge, int epoch, float alpha, ref FastRandom rng)
    {
        fixed (float* coordinates = _coordinates)
        {
            int j = _head[edge];
            float* current = coordinates + 2 * j;
            float* other = coordinates + 2 * _tail[edge];
            float dx = current[0] - other[0], dy = current[1] - other[1];
            float distanceSquared = dx * dx + dy * dy;
            if (distanceSquared > 0)
            {
                float power = MathF.Pow(distanceSquared, _b);
                float attraction = -2f * _a * _b * (power / distanceSquared) / (_a * power + 1f);
                float gx = Math.Clamp(attraction * dx, -Clip, Clip) * alpha;
                float gy = Math.Clamp(attraction * dy, -Clip, Clip) * alpha;
                current[0] += gx;
                current[1] += gy;
                other[0] -= gx;
                other[1] -= gy;
            }

            _epochOfNextSample[edge] += _epochsPerSample[edge];
            int negatives = (int)((epoch - _epochOfNextNegativeSample[edge]) / _epochsPerNegativeSample[edge]);
            for (int p = 0; p < negatives; p++)
            {
                int negative = rng.NextInt(_count);
                if (negative == j)
                    continue;
                float* away = coordinates + 2 * negative;
                dx = current[0] - away[0];
                dy = current[1] - away[1];
                distanceSquared = dx * dx + dy * dy;
                if (distanceSquared <= 0)
                    continue;
                float power = MathF.Pow(distanceSquared, _b);
                float repulsion = 2f * _b / ((0.001f + distanceSquared) * (_a * power + 1f));
                current[0] += Math.Clamp(repulsion * dx, -Clip, Clip) * alpha;
                current[1] += Math.Clamp(repulsion * dy, -Clip, Clip) * alpha;
            }

            _epochOfNextNegativeSample[edge] += negatives * _epochsPerNegativeSample[edge];
        }
    }

    private static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float sum = 0;
        for (int d = 0; d < x.Length; d++)
        {
            float diff = x[d] - y[d];
            sum += diff * diff;
        }

        return sum;
    }
}
