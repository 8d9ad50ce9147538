using System.Numerics;
using System.Runtime.InteropServices;
using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Graph;

namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// The eigenvectors of a connected graph's normalised Laplacian L = I − D^−½ W D^−½ with the smallest
/// non-zero eigenvalues (what umap-learn asks ARPACK for), computed as the largest eigenvalues of
/// M = D^−½ W D^−½ once its known top eigenvector √degree (eigenvalue 1) is projected out.
/// </summary>
/// <remarks>
/// Block Lanczos with full re-orthogonalisation and Rayleigh–Ritz, restarted from the best Ritz vectors
/// until the true residuals ‖My − θy‖ are small. A block start (not a single vector) matters: symmetric
/// data give repeated eigenvalues (a ring's cos/sin pair), which a single-vector Krylov space cannot find.
/// </remarks>
internal static class KrylovEigenvectors
{
    private const double Tolerance = 1e-4;
    private const int MaxRestarts = 60;

    /// <summary>n × count eigenvectors (columns by descending eigenvalue of M), or null with a reason when they did not converge.</summary>
    public static double[,]? Compute(SparseGraph graph, int count, int seed, bool parallel, out string? failure)
    {
        int n = graph.Count;
        failure = null;
        var operatorM = NormalisedAdjacency.Create(graph, parallel, out string? problem);
        if (operatorM is null)
        {
            failure = problem;
            return null;
        }

        // A few more block vectors than wanted, all kept across restarts, separate the wanted eigenvectors
        // from the crowd of eigenvalues near 1 that clustered data produce; 12 blocks per restart is a
        // measured sweet spot between restarts and re-orthogonalisation cost.
        int block = Math.Min(count + 6, n - 1);
        int basisSize = Math.Min(n - 1, 12 * block);
        if (block < count)
        {
            failure = $"{n} vertices are too few for {count} eigenvectors";
            return null;
        }

        var rng = FastRandom.For(seed, 4);
        var start = new double[block][];
        for (int b = 0; b < block; b++)
        {
            start[b] = new double[n];
            for (int i = 0; i < n; i++)
                start[b][i] = rng.NextDouble() - 0.5;
        }

        double worst = double.PositiveInfinity;
        for (int restart = 0; restart <= MaxRestarts; restart++)
        {
            var ritz = RayleighRitz(operatorM, start, basisSize, block);
            if (ritz is null)
                break;
            var (vectors, residuals) = ritz.Value;
            worst = residuals.Take(count).Max();
            if (worst <= Tolerance)
                return ToMatrix(vectors, count);
            start = vectors;
        }

        failure = $"eigenvectors did not converge (residual {worst:G3} after {MaxRestarts} restarts)";
        return null;
    }

    /// <summary>The top <paramref name="keep"/> Ritz vectors of M on the block Krylov space of <paramref name="start"/>, with their residual norms.</summary>
    private static (double[][] Vectors, double[] Residuals)? RayleighRitz(NormalisedAdjacency m, double[][] start, int size, int keep)
    {
        int n = m.Count;
        var basis = new List<double[]>(size);
        foreach (var s in start)
            TryAdd(basis, (double[])s.Clone(), m.Trivial);
        if (basis.Count < keep)
            return null;

        var projected = new double[size, size];
        var w = new double[n];
        for (int b = 0; b < basis.Count; b++)
        {
            m.Apply(basis[b], w);
            for (int a = 0; a <= b; a++)
                projected[a, b] = projected[b, a] = Dot(w, basis[a]);
            if (basis.Count < size)
                TryAdd(basis, (double[])w.Clone(), m.Trivial);
        }

        int dimension = basis.Count;
        var h = new double[dimension, dimension];
        for (int a = 0; a < dimension; a++)
            for (int b = 0; b < dimension; b++)
                h[a, b] = projected[a, b];
        var (values, coefficients) = SymmetricEigen.Decompose(h);

        var vectors = new double[keep][];
        var residuals = new double[keep];
        for (int c = 0; c < keep; c++)
        {
            var y = new double[n];
            for (int j = 0; j < dimension; j++)
                Axpy(coefficients[j, c], basis[j], y);
            m.Apply(y, w);
            Axpy(-values[c], y, w);
            residuals[c] = Math.Sqrt(Dot(w, w) / Math.Max(Dot(y, y), 1e-300));
            vectors[c] = y;
        }

        return (vectors, residuals);
    }

    /// <summary>Orthogonalises against the basis and the trivial vector (twice: "twice is enough") and adds it if anything is left.</summary>
    private static void TryAdd(List<double[]> basis, double[] v, double[] trivial)
    {
        double before = Math.Sqrt(Dot(v, v));
        for (int pass = 0; pass < 2; pass++)
        {
            Axpy(-Dot(v, trivial), trivial, v);
            foreach (var b in basis)
                Axpy(-Dot(v, b), b, v);
        }

        double norm = Math.Sqrt(Dot(v, v));
        if (norm <= 1e-10 * Math.Max(before, 1e-300) || !double.IsFinite(norm))
            return;
        Scale(v, 1 / norm);
        basis.Add(v);
    }

    private static double[,] ToMatrix(double[][] vectors, int count)
    {
        int n = vectors[0].Length;
        var result = new double[n, count];
        for (int c = 0; c < count; c++)
            for (int i = 0; i < n; i++)
                result[i, c] = vectors[c][i];
        return result;
    }

    internal static double Dot(double[] x, double[] y)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x.AsSpan());
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan());
        Vector<double> acc = Vector<double>.Zero;
        for (int v = 0; v < xs.Length; v++)
            acc += xs[v] * ys[v];
        double sum = Vector.Sum(acc);
        for (int i = xs.Length * Vector<double>.Count; i < x.Length; i++)
            sum += x[i] * y[i];
        return sum;
    }

    internal static void Axpy(double a, double[] x, double[] y)
    {
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x.AsSpan());
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan());
        var scale = new Vector<double>(a);
        for (int v = 0; v < xs.Length; v++)
            ys[v] += scale * xs[v];
        for (int i = xs.Length * Vector<double>.Count; i < x.Length; i++)
            y[i] += a * x[i];
    }

    internal static void Scale(double[] x, double a)
    {
        for (int i = 0; i < x.Length; i++)
            x[i] *= a;
    }
}
