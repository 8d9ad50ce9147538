namespace HyenaFlow.Engine.Bench;

/// <summary>Least-squares slope of log(y) against log(x): the growth exponent of y ∝ x^slope.</summary>
public static class LogLogFit
{
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return double.NaN;
        var xs = points.Select(p => Math.Log(p.X)).ToArray();
        var ys = points.Select(p => Math.Log(p.Y)).ToArray();
        var (mx, my) = (xs.Average(), ys.Average());
        var covariance = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum();
        var variance = xs.Sum(x => (x - mx) * (x - mx));
        return covariance / variance;
    }
}
