namespace HyenaFlow.Analysis.Layout;

/// <summary>Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations: slow in theory, exact and robust in practice.</summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues in descending order and matching unit eigenvectors as columns of <c>Vectors</c> (n × n, row-major).</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
            v[i, i] = 1;

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double offDiagonal = 0, diagonal = 0;
            for (int p = 0; p < n; p++)
            {
                diagonal += a[p, p] * a[p, p];
                for (int q = p + 1; q < n; q++)
                    offDiagonal += a[p, q] * a[p, q];
            }

            if (offDiagonal <= 1e-30 * Math.Max(diagonal, 1e-300))
                break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, v, p, q, n);
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = a[i, i];
        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => values[i]).ThenBy(i => i)];
        var sortedValues = new double[n];
        var sortedVectors = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            sortedValues[c] = values[order[c]];
            for (int r = 0; r < n; r++)
                sortedVectors[r, c] = v[r, order[c]];
        }

        return (sortedValues, sortedVectors);
    }

    private static void Rotate(double[,] a, double[,] v, int p, int q, int n)
    {
        double apq = a[p, q];
        if (Math.Abs(apq) < 1e-300)
            return;
        double theta = (a[q, q] - a[p, p]) / (2 * apq);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }

        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
