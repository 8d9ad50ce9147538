using HyenaFlow.Analysis.Data;

namespace HyenaFlow.Analysis.Quality;

/// <summary>Exact neighbourhood comparisons between two representations of the same points, one row at a time.</summary>
internal static class NeighborhoodComparison
{
    public static double Trustworthiness((PointSpace High, PointSpace Low) spaces, int k, bool parallel)
    {
        var (high, low) = spaces;
        long n = high.Count;
        var penalties = new long[n];
        ForEachRow(high.Count, parallel, () => new float[n], (i, highDistances) =>
        {
            Distances(high, i, highDistances);
            int[] highNearest = Nearest(highDistances, k, i);
            int[] lowNearest = Nearest(Distances(low, i, new float[n]), k, i);
            long penalty = 0;
            foreach (int j in lowNearest)
            {
                if (Array.IndexOf(highNearest, j) < 0)
                    penalty += Rank(highDistances, i, j) - k;
            }

            penalties[i] = penalty;
        });
        double total = penalties.Sum();
        return 1.0 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)) * total;
    }

    public static double KnnPreservation((PointSpace High, PointSpace Low) spaces, int k, bool parallel)
    {
        var (high, low) = spaces;
        int n = high.Count;
        var kept = new int[n];
        ForEachRow(n, parallel, () => new float[n], (i, buffer) =>
        {
            int[] highNearest = Nearest(Distances(high, i, buffer), k, i);
            int[] lowNearest = Nearest(Distances(low, i, buffer), k, i);
            kept[i] = highNearest.Count(j => Array.IndexOf(lowNearest, j) >= 0);
        });
        return kept.Sum(x => (double)x) / ((double)n * k);
    }

    private static void ForEachRow(int count, bool parallel, Func<float[]> buffer, Action<int, float[]> body)
    {
        if (parallel)
        {
            Parallel.For(0, count, buffer, (i, _, local) =>
            {
                body(i, local);
                return local;
            }, _ => { });
        }
        else
        {
            var local = buffer();
            for (int i = 0; i < count; i++)
                body(i, local);
        }
    }

    private static float[] Distances(PointSpace space, int i, float[] into)
    {
        for (int j = 0; j < space.Count; j++)
            into[j] = space.Reduced(i, j);
        return into;
    }

    /// <summary>The k nearest rows other than <paramref name="self"/>, ties broken by row order.</summary>
    private static int[] Nearest(float[] distances, int k, int self)
    {
        var indices = new int[k];
        var keys = new float[k];
        Array.Fill(keys, float.PositiveInfinity);
        Array.Fill(indices, int.MaxValue);
        for (int j = 0; j < distances.Length; j++)
        {
            float d = distances[j];
            if (j == self || !(d < keys[k - 1]))
                continue;
            int at = k - 1;
            while (at > 0 && keys[at - 1] > d)
            {
                keys[at] = keys[at - 1];
                indices[at] = indices[at - 1];
                at--;
            }

            keys[at] = d;
            indices[at] = j;
        }

        return indices;
    }

    /// <summary>1 + the number of other rows strictly closer to i than j (or as close and earlier).</summary>
    private static long Rank(float[] distances, int i, int j)
    {
        float dj = distances[j];
        long rank = 1;
        for (int m = 0; m < distances.Length; m++)
        {
            if (m != i && m != j && (distances[m] < dj || (distances[m] == dj && m < j)))
                rank++;
        }

        return rank;
    }
}
