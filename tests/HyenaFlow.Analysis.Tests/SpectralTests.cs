using HyenaFlow.Analysis.Graph;
using HyenaFlow.Analysis.Layout;

namespace HyenaFlow.Analysis.Tests;

public sealed class SpectralTests
{
    [Fact]
    public void A_random_symmetric_matrix_is_decomposed_into_orthonormal_eigenvectors()
    {
        const int n = 40;
        var rng = new Random(11);
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                m[i, j] = m[j, i] = rng.NextDouble() - 0.5;

        var (values, vectors) = SymmetricEigen.Decompose(m);

        for (int c = 0; c < n; c++)
        {
            if (c > 0)
                Assert.True(values[c - 1] >= values[c]);
            for (int r = 0; r < n; r++)
                Assert.Equal(values[c] * vectors[r, c], Enumerable.Range(0, n).Sum(k => m[r, k] * vectors[k, c]), 9);
            for (int o = 0; o < n; o++)
                Assert.Equal(c == o ? 1.0 : 0.0, Enumerable.Range(0, n).Sum(k => vectors[k, c] * vectors[k, o]), 9);
        }
    }

    [Fact]
    public void Decomposes_a_small_symmetric_matrix()
    {
        var m = new double[,] { { 4, 1, 2 }, { 1, 3, 0 }, { 2, 0, 5 } };

        var (values, vectors) = SymmetricEigen.Decompose(m);

        Assert.True(values[0] >= values[1] && values[1] >= values[2]);
        for (int c = 0; c < 3; c++)
            for (int r = 0; r < 3; r++)
                Assert.Equal(values[c] * vectors[r, c], Enumerable.Range(0, 3).Sum(k => m[r, k] * vectors[k, c]), 9);
    }

    [Fact]
    public void Block_krylov_finds_the_ring_graphs_degenerate_first_nontrivial_eigenvectors()
    {
        // A ring of n vertices: M = D^−½WD^−½ has eigenvalues cos(2πj/n); the top non-trivial pair is cos(2π/n),
        // with eigenvectors spanning (cos, sin) of the angle — a circle, which is what a spectral layout should show.
        const int n = 200;
        var starts = new int[n + 1];
        var columns = new int[2 * n];
        var weights = new float[2 * n];
        for (int i = 0; i < n; i++)
        {
            starts[i + 1] = 2 * (i + 1);
            int a = (i + n - 1) % n, b = (i + 1) % n;
            columns[2 * i] = Math.Min(a, b);
            columns[2 * i + 1] = Math.Max(a, b);
            weights[2 * i] = weights[2 * i + 1] = 1;
        }

        var vectors = KrylovEigenvectors.Compute(new SparseGraph(starts, columns, weights), 2, seed: 1, parallel: false, out string? failure);

        Assert.Null(failure);
        Assert.NotNull(vectors);
        double expected = Math.Cos(2 * Math.PI / n);
        for (int c = 0; c < 2; c++)
        {
            double norm = 0, rayleigh = 0;
            for (int i = 0; i < n; i++)
            {
                norm += vectors[i, c] * vectors[i, c];
                rayleigh += vectors[i, c] * 0.5 * (vectors[(i + 1) % n, c] + vectors[(i + n - 1) % n, c]);
            }

            Assert.Equal(expected, rayleigh / norm, 5);
        }

        // On a circle every vertex sits at the same distance from the origin.
        double[] radii = [.. Enumerable.Range(0, n).Select(i => Math.Sqrt(vectors[i, 0] * vectors[i, 0] + vectors[i, 1] * vectors[i, 1]))];
        Assert.True(radii.Max() / radii.Min() < 1.01, $"radii from {radii.Min()} to {radii.Max()}");
    }
}
