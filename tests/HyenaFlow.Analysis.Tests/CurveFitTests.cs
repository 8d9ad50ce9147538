using HyenaFlow.Analysis.Layout;

namespace HyenaFlow.Analysis.Tests;

public sealed class CurveFitTests
{
    [Theory]
    [InlineData(0.1f, 1f, 1.577, 0.895)] // umap-learn's defaults
    [InlineData(0.0f, 1f, 1.929, 0.792)]
    public void Fits_the_same_a_and_b_as_umap_learn(float minDist, float spread, double a, double b)
    {
        var (fittedA, fittedB) = CurveFit.FitAB(spread, minDist);

        Assert.InRange(fittedA, a - 0.005, a + 0.005);
        Assert.InRange(fittedB, b - 0.003, b + 0.003);
    }

    [Fact]
    public void Larger_min_dist_flattens_the_curve_near_zero()
    {
        var (tightA, _) = CurveFit.FitAB(1f, 0.1f);
        var (looseA, _) = CurveFit.FitAB(1f, 0.8f);

        Assert.True(looseA < tightA, $"a for min_dist 0.8 ({looseA}) should be below a for 0.1 ({tightA})");
    }
}
