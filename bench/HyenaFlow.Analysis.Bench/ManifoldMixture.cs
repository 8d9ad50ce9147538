namespace HyenaFlow.Analysis.Bench;

/// <summary>
/// Stand-in for model embeddings: a Gaussian mixture in a 6-D latent space, pushed through a fixed random
/// one-hidden-layer tanh map into 256-D (a curved low-dimensional manifold) plus a little isotropic noise.
/// </summary>
public static class ManifoldMixture
{
    public const int LatentDims = 6;
    public const int Clusters = 12;

    public static (float[,] Data, int[] Labels) Generate(int count, int dims, int seed)
    {
        var rng = new Random(seed);
        const int hidden = 64;
        var centres = Matrix(Clusters, LatentDims, 3.0, rng);
        var w1 = Matrix(hidden, LatentDims, 1.0 / Math.Sqrt(LatentDims), rng);
        var b1 = Matrix(hidden, 1, 0.5, rng);
        var w2 = Matrix(dims, hidden, 4.0 / Math.Sqrt(hidden), rng);
        var data = new float[count, dims];
        var labels = new int[count];
        var z = new double[LatentDims];
        var h = new double[hidden];
        for (int i = 0; i < count; i++)
        {
            int c = labels[i] = rng.Next(Clusters);
            for (int d = 0; d < LatentDims; d++)
                z[d] = centres[c, d] + Gaussian(rng);
            for (int u = 0; u < hidden; u++)
            {
                double s = b1[u, 0];
                for (int d = 0; d < LatentDims; d++)
                    s += w1[u, d] * z[d];
                h[u] = Math.Tanh(s);
            }

            for (int o = 0; o < dims; o++)
            {
                double s = 0;
                for (int u = 0; u < hidden; u++)
                    s += w2[o, u] * h[u];
                data[i, o] = (float)(s + 0.05 * Gaussian(rng));
            }
        }

        return (data, labels);
    }

    private static double[,] Matrix(int rows, int columns, double scale, Random rng)
    {
        var m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = scale * Gaussian(rng);
        return m;
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
