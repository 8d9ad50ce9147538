namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// UMAP's low-dimensional similarity 1/(1 + a·d^(2b)) is a smooth stand-in for the target curve "1 up to
/// min_dist, then exp(−(d − min_dist)/spread)". Like umap-learn's find_ab_params we fit a and b by least
/// squares on 300 points of [0, 3·spread], here with Levenberg–Marquardt from (1, 1).
/// </summary>
internal static class CurveFit
{
    private const int Samples = 300;

    public static (float A, float B) FitAB(float spread, float minDistance)
    {
        var x = new double[Samples];
        var y = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            x[i] = 3.0 * spread * i / (Samples - 1);
            y[i] = x[i] < minDistance ? 1.0 : Math.Exp(-(x[i] - minDistance) / spread);
        }

        double a = 1, b = 1, damping = 1e-3;
        double cost = Cost(x, y, a, b);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            // Normal equations of the 2-parameter problem: (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr.
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < Samples; i++)
            {
                var (f, dfa, dfb) = Curve(x[i], a, b);
                double r = f - y[i];
                jaa += dfa * dfa;
                jab += dfa * dfb;
                jbb += dfb * dfb;
                ga += dfa * r;
                gb += dfb * r;
            }

            bool improved = false;
            while (damping < 1e12)
            {
                double maa = jaa * (1 + damping), mbb = jbb * (1 + damping);
                double det = maa * mbb - jab * jab;
                double da = (-ga * mbb + gb * jab) / det;
                double db = (-gb * maa + ga * jab) / det;
                double trialCost = Cost(x, y, a + da, b + db);
                if (double.IsFinite(trialCost) && trialCost < cost)
                {
                    bool converged = Math.Abs(da) < 1e-12 * (1 + Math.Abs(a)) && Math.Abs(db) < 1e-12 * (1 + Math.Abs(b));
                    converged |= cost - trialCost < 1e-15 * cost;
                    a += da;
                    b += db;
                    cost = trialCost;
                    damping = Math.Max(damping / 10, 1e-12);
                    improved = !converged;
                    break;
                }

                damping *= 10;
            }

            if (!improved)
                break;
        }

        return ((float)a, (float)b);
    }

    private static (double F, double DfDa, double DfDb) Curve(double x, double a, double b)
    {
        if (x <= 0)
            return (1, 0, 0);
        double power = Math.Pow(x, 2 * b);
        double denominator = 1 + a * power;
        double f = 1 / denominator;
        double common = -f * f;
        return (f, common * power, common * a * power * 2 * Math.Log(x));
    }

    private static double Cost(double[] x, double[] y, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = Curve(x[i], a, b).F - y[i];
            sum += r * r;
        }

        return sum;
    }
}
