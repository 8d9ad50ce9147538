namespace HyenaFlow.Analysis.Tests.Support;

/// <summary>Cluster statistics of a 2-D (or n-D) embedding.</summary>
internal static class EmbeddingStats
{
    /// <summary>Fraction of each point's k nearest embedded neighbours that carry its label, averaged.</summary>
    public static double KnnLabelPurity(float[,] embedding, int[] labels, int k)
    {
        int n = embedding.GetLength(0);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var nearest = Enumerable.Range(0, n).Where(j => j != i)
                .OrderBy(j => SquaredDistance(embedding, i, j)).ThenBy(j => j).Take(k);
            total += nearest.Count(j => labels[j] == labels[i]) / (double)k;
        }

        return total / n;
    }

    /// <summary>Smallest distance between two cluster centroids divided by the largest RMS radius of a cluster.</summary>
    public static double SeparationRatio(float[,] embedding, int[] labels)
    {
        int dims = embedding.GetLength(1);
        int[] clusters = [.. labels.Distinct().Order()];
        var centroids = clusters.ToDictionary(c => c, c => Centroid(embedding, labels, c, dims));
        double largestRadius = clusters.Max(c =>
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToList();
            return Math.Sqrt(members.Average(i => Enumerable.Range(0, dims).Sum(d => Math.Pow(embedding[i, d] - centroids[c][d], 2))));
        });
        double smallestGap = double.PositiveInfinity;
        foreach (int a in clusters)
            foreach (int b in clusters.Where(b => b > a))
                smallestGap = Math.Min(smallestGap, Math.Sqrt(Enumerable.Range(0, dims).Sum(d => Math.Pow(centroids[a][d] - centroids[b][d], 2))));
        return smallestGap / largestRadius;
    }

    private static double[] Centroid(float[,] embedding, int[] labels, int cluster, int dims)
    {
        var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == cluster).ToList();
        return [.. Enumerable.Range(0, dims).Select(d => members.Average(i => (double)embedding[i, d]))];
    }

    private static double SquaredDistance(float[,] x, int i, int j)
    {
        double sum = 0;
        for (int d = 0; d < x.GetLength(1); d++)
            sum += (x[i, d] - x[j, d]) * (x[i, d] - x[j, d]);
        return sum;
    }
}
