using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Layout;

/// <summary>Where each connected component goes before its own layout is drawn around it.</summary>
internal static class MetaLayout
{
    private const int MaxComponentsForMds = 400;

    /// <summary>
    /// Up to 2·dim components: the vertices of a cross-polytope (±unit vectors), as umap-learn. More: classical
    /// MDS of the component centroids (umap-learn uses a spectral embedding of exp(−d²) affinities, which
    /// degenerates when components are far apart; MDS keeps the same idea of "similar components close").
    /// Beyond a few hundred components: random positions.
    /// </summary>
    public static (double[,] Positions, string Method) Place(PointSpace space, List<int>[] members, int dim, int seed)
    {
        int components = members.Length;
        var positions = new double[components, dim];
        if (components <= 2 * dim)
        {
            int half = (components + 1) / 2;
            for (int c = 0; c < components; c++)
                positions[c, c % half] = c < half ? 1 : -1;
            return (positions, "simplex");
        }

        if (components > MaxComponentsForMds)
        {
            var rng = FastRandom.For(seed, 6);
            for (int c = 0; c < components; c++)
                for (int d = 0; d < dim; d++)
                    positions[c, d] = rng.NextDouble() * 2 - 1;
            return (positions, "random positions");
        }

        var centroids = Centroids(space, members);
        var gram = DoubleCentredSquaredDistances(centroids);
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        double max = 0;
        for (int c = 0; c < components; c++)
        {
            for (int d = 0; d < dim; d++)
            {
                positions[c, d] = vectors[c, d] * Math.Sqrt(Math.Max(values[d], 0));
                max = Math.Max(max, Math.Abs(positions[c, d]));
            }
        }

        if (max > 0)
            for (int c = 0; c < components; c++)
                for (int d = 0; d < dim; d++)
                    positions[c, d] /= max;
        return (positions, "centroid MDS");
    }

    private static double[][] Centroids(PointSpace space, List<int>[] members)
    {
        var centroids = new double[members.Length][];
        for (int c = 0; c < members.Length; c++)
        {
            centroids[c] = new double[space.Dimensions];
            foreach (int i in members[c])
            {
                ReadOnlySpan<float> row = space.Row(i);
                for (int d = 0; d < row.Length; d++)
                    centroids[c][d] += row[d];
            }

            for (int d = 0; d < space.Dimensions; d++)
                centroids[c][d] /= members[c].Count;
        }

        return centroids;
    }

    private static double[,] DoubleCentredSquaredDistances(double[][] points)
    {
        int n = points.Length;
        var b = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double s = 0;
                for (int d = 0; d < points[i].Length; d++)
                    s += (points[i][d] - points[j][d]) * (points[i][d] - points[j][d]);
                b[i, j] = b[j, i] = s;
            }
        }

        var rowMeans = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                rowMeans[i] += b[i, j];
            total += rowMeans[i];
            rowMeans[i] /= n;
        }

        total /= (double)n * n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                b[i, j] = -0.5 * (b[i, j] - rowMeans[i] - rowMeans[j] + total);
        return b;
    }
}
