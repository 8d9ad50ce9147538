using HyenaFlow.Analysis.Neighbors;

namespace HyenaFlow.Analysis.Graph;

/// <summary>
/// UMAP's fuzzy topological representation of the data: each point's neighbour distances are turned into
/// membership strengths by a per-point exponential kernel (smooth kNN), then the directed memberships
/// are combined by fuzzy union, A + Aᵀ − A∘Aᵀ.
/// </summary>
internal static class FuzzySimplicialSet
{
    private const int SearchSteps = 64;
    private const double Tolerance = 1e-5;
    private const double MinScale = 1e-3;
    private const double LocalConnectivity = 1.0;
    private const double Bandwidth = 1.0;

    public static SparseGraph Build(KnnGraph knn)
    {
        var (sigmas, rhos) = SmoothKnnDistances(knn);
        return Union(knn, Memberships(knn, sigmas, rhos));
    }

    /// <summary>
    /// Per point, rho = distance to the nearest (non-identical) neighbour and sigma such that
    /// Σ exp(−(d − rho)/sigma) over the neighbours equals log2(k): every point gets the same total
    /// membership, which adapts the metric to the local density.
    /// </summary>
    public static (double[] Sigmas, double[] Rhos) SmoothKnnDistances(KnnGraph knn)
    {
        int n = knn.Count, k = knn.K;
        double target = Math.Log2(k) * Bandwidth;
        double meanDistance = 0;
        foreach (float d in knn.Distances)
            meanDistance += d;
        meanDistance /= knn.Distances.Length;

        var sigmas = new double[n];
        var rhos = new double[n];
        var nonZero = new List<double>(k);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> distances = knn.DistancesOf(i);
            nonZero.Clear();
            foreach (float d in distances)
                if (d > 0)
                    nonZero.Add(d);
            rhos[i] = Rho(nonZero);

            double lo = 0, hi = double.PositiveInfinity, mid = 1;
            for (int step = 0; step < SearchSteps; step++)
            {
                double sum = 0;
                for (int j = 1; j < k; j++)
                {
                    double gap = distances[j] - rhos[i];
                    sum += gap > 0 ? Math.Exp(-gap / mid) : 1.0;
                }

                if (Math.Abs(sum - target) < Tolerance)
                    break;
                if (sum > target)
                {
                    hi = mid;
                    mid = (lo + hi) / 2;
                }
                else
                {
                    lo = mid;
                    mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2;
                }
            }

            // Keep sigma away from 0 so isolated or duplicate-heavy points still get soft memberships.
            double meanHere = 0;
            foreach (float d in distances)
                meanHere += d;
            meanHere /= k;
            double floor = MinScale * (rhos[i] > 0 ? meanHere : meanDistance);
            sigmas[i] = Math.Max(mid, floor);
        }

        return (sigmas, rhos);
    }

    private static double Rho(List<double> nonZero)
    {
        if (nonZero.Count >= LocalConnectivity)
        {
            int index = (int)Math.Floor(LocalConnectivity);
            double interpolation = LocalConnectivity - index;
            if (index > 0)
            {
                double rho = nonZero[index - 1];
                if (interpolation > Tolerance)
                    rho += interpolation * (nonZero[index] - nonZero[index - 1]);
                return rho;
            }

            return interpolation * nonZero[0];
        }

        return nonZero.Count > 0 ? nonZero.Max() : 0;
    }

    /// <summary>Directed membership of each kNN edge (0 for the point itself).</summary>
    public static float[] Memberships(KnnGraph knn, double[] sigmas, double[] rhos)
    {
        var weights = new float[knn.Indices.Length];
        for (int i = 0; i < knn.Count; i++)
        {
            for (int j = 0; j < knn.K; j++)
            {
                int e = i * knn.K + j;
                if (knn.Indices[e] == i)
                    continue;
                double gap = knn.Distances[e] - rhos[i];
                weights[e] = gap <= 0 || sigmas[i] == 0 ? 1f : (float)Math.Exp(-gap / sigmas[i]);
            }
        }

        return weights;
    }

    /// <summary>Fuzzy union of the directed graph with its transpose: w = a + b − a·b.</summary>
    private static SparseGraph Union(KnnGraph knn, float[] directed)
    {
        int n = knn.Count;
        var keys = new List<long>(2 * directed.Length);
        var values = new List<float>(2 * directed.Length);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < knn.K; j++)
            {
                int e = i * knn.K + j;
                float w = directed[e];
                if (w <= 0)
                    continue;
                long target = knn.Indices[e];
                keys.Add(((long)i << 32) | target);
                values.Add(w);
                keys.Add((target << 32) | (uint)i);
                values.Add(w);
            }
        }

        // After sorting, an edge present in both directions appears twice in a row (once from each side).
        long[] sortedKeys = [.. keys];
        float[] sortedValues = [.. values];
        Array.Sort(sortedKeys, sortedValues);
        var starts = new int[n + 1];
        var columns = new List<int>(sortedKeys.Length);
        var weights = new List<float>(sortedKeys.Length);
        for (int s = 0; s < sortedKeys.Length;)
        {
            int e = s + 1;
            while (e < sortedKeys.Length && sortedKeys[e] == sortedKeys[s])
                e++;
            float w = e - s == 1 ? sortedValues[s] : Combine(sortedValues[s], sortedValues[s + 1]);
            int row = (int)(sortedKeys[s] >> 32);
            if (w > 0)
            {
                columns.Add((int)(sortedKeys[s] & 0xFFFFFFFF));
                weights.Add(w);
                starts[row + 1]++;
            }

            s = e;
        }

        for (int i = 0; i < n; i++)
            starts[i + 1] += starts[i];
        return new SparseGraph(starts, [.. columns], [.. weights]);
    }

    private static float Combine(float a, float b) => a + b - a * b;
}
