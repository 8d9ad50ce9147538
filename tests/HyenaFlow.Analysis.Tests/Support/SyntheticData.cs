namespace HyenaFlow.Analysis.Tests.Support;

/// <summary>Small seeded data sets with a known structure.</summary>
internal static class SyntheticData
{
    /// <summary>Isotropic Gaussian clusters (sd 1) whose centres are ~<paramref name="separation"/> apart.</summary>
    public static (float[,] Data, int[] Labels) GaussianClusters(int clusters, int perCluster, int dims, float separation, int seed)
    {
        var rng = new Random(seed);
        var centres = new float[clusters, dims];
        for (int c = 0; c < clusters; c++)
            for (int d = 0; d < dims; d++)
                centres[c, d] = (float)(Gaussian(rng) * separation / Math.Sqrt(2 * dims));
        var data = new float[clusters * perCluster, dims];
        var labels = new int[clusters * perCluster];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = i % clusters;
            for (int d = 0; d < dims; d++)
                data[i, d] = centres[labels[i], d] + (float)Gaussian(rng);
        }

        return (data, labels);
    }

    /// <summary>Points along a circle of radius 10, rotated into <paramref name="dims"/> dimensions, with a little noise.</summary>
    public static float[,] CircleIn(int count, int dims, float noise, int seed)
    {
        var rng = new Random(seed);
        var (u, v) = OrthonormalPair(dims, rng);
        var data = new float[count, dims];
        for (int i = 0; i < count; i++)
        {
            double angle = 2 * Math.PI * rng.NextDouble();
            for (int d = 0; d < dims; d++)
                data[i, d] = (float)(10 * (Math.Cos(angle) * u[d] + Math.Sin(angle) * v[d]) + noise * Gaussian(rng));
        }

        return data;
    }

    /// <summary>The classic swiss roll (scikit-learn's make_swiss_roll), 3-D.</summary>
    public static float[,] SwissRoll(int count, float noise, int seed)
    {
        var rng = new Random(seed);
        var data = new float[count, 3];
        for (int i = 0; i < count; i++)
        {
            double t = 1.5 * Math.PI * (1 + 2 * rng.NextDouble());
            data[i, 0] = (float)(t * Math.Cos(t) + noise * Gaussian(rng));
            data[i, 1] = (float)(21 * rng.NextDouble() + noise * Gaussian(rng));
            data[i, 2] = (float)(t * Math.Sin(t) + noise * Gaussian(rng));
        }

        return data;
    }

    public static float[,] Uniform(int count, int dims, int seed)
    {
        var rng = new Random(seed);
        var data = new float[count, dims];
        for (int i = 0; i < count; i++)
            for (int d = 0; d < dims; d++)
                data[i, d] = (float)rng.NextDouble();
        return data;
    }

    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static (double[] U, double[] V) OrthonormalPair(int dims, Random rng)
    {
        var u = new double[dims];
        var v = new double[dims];
        for (int d = 0; d < dims; d++)
        {
            u[d] = Gaussian(rng);
            v[d] = Gaussian(rng);
        }

        Normalise(u);
        double dot = u.Zip(v, (a, b) => a * b).Sum();
        for (int d = 0; d < dims; d++)
            v[d] -= dot * u[d];
        Normalise(v);
        return (u, v);
    }

    private static void Normalise(double[] x)
    {
        double norm = Math.Sqrt(x.Sum(a => a * a));
        for (int d = 0; d < x.Length; d++)
            x[d] /= norm;
    }
}
