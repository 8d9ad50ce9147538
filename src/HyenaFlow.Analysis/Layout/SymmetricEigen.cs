namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// Eigen-decomposition of a small dense symmetric matrix: Householder reduction to tridiagonal form, then
/// the implicit QL algorithm (the classic tred2/tql2 pair of EISPACK, as in JAMA). O(n³) once, no sweeps.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues in descending order and matching unit eigenvectors as columns of <c>Vectors</c> (n × n).</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var v = new double[n][];
        for (int i = 0; i < n; i++)
        {
            v[i] = new double[n];
            for (int j = 0; j < n; j++)
                v[i][j] = matrix[i, j];
        }

        var d = new double[n];
        var e = new double[n];
        if (n > 0)
        {
            Tridiagonalise(v, d, e);
            DiagonaliseTridiagonal(v, d, e);
        }

        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => d[i]).ThenBy(i => i)];
        var values = new double[n];
        var vectors = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            values[c] = d[order[c]];
            for (int r = 0; r < n; r++)
                vectors[r, c] = v[r][order[c]];
        }

        return (values, vectors);
    }

    // Householder: on return d is the diagonal, e the sub-diagonal (e[0] = 0), v the accumulated transform.
    private static void Tridiagonalise(double[][] v, double[] d, double[] e)
    {
        int n = d.Length;
        for (int j = 0; j < n; j++)
            d[j] = v[n - 1][j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0, h = 0;
            for (int k = 0; k < i; k++)
                scale += Math.Abs(d[k]);
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0)
                    g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++)
                    e[j] = 0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }

                    e[j] = g;
                }

                f = 0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                double hh = f / (h + h);
                for (int j = 0; j < i; j++)
                    e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++)
                        v[k][j] -= f * e[k] + g * d[k];
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }

            d[i] = h;
        }

        for (int i = 0; i < n - 1; i++)
        {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0)
            {
                for (int k = 0; k <= i; k++)
                    d[k] = v[k][i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0;
                    for (int k = 0; k <= i; k++)
                        g += v[k][i + 1] * v[k][j];
                    for (int k = 0; k <= i; k++)
                        v[k][j] -= g * d[k];
                }
            }

            for (int k = 0; k <= i; k++)
                v[k][i + 1] = 0;
        }

        for (int j = 0; j < n; j++)
        {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }

        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    // Implicit QL with Wilkinson-style shifts on the tridiagonal (d, e); rotations are accumulated into v.
    private static void DiagonaliseTridiagonal(double[][] v, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++)
            e[i - 1] = e[i];
        e[n - 1] = 0;
        double f = 0, tst1 = 0, eps = Math.Pow(2, -52);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n && Math.Abs(e[m]) > eps * tst1)
                m++;
            if (m > l)
            {
                for (int iteration = 0; iteration < 300; iteration++)
                {
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Hypot(p, 1);
                    if (p < 0)
                        r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++)
                        d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (int k = 0; k < n; k++)
                        {
                            h = v[k][i + 1];
                            v[k][i + 1] = s * v[k][i] + c * h;
                            v[k][i] = c * v[k][i] - s * h;
                        }
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                    if (Math.Abs(e[l]) <= eps * tst1)
                        break;
                }
            }

            d[l] += f;
            e[l] = 0;
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
            (x, y) = (y, x);
        if (x == 0)
            return 0;
        double ratio = y / x;
        return x * Math.Sqrt(1 + ratio * ratio);
    }
}
