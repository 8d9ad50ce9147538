namespace HyenaFlow.Genomics.Tests;

public sealed class SampleStatisticsTests
{
    [Theory]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 4, 1 }, 2.5)]
    [InlineData(new[] { 9, 1, 5 }, 5.0)]
    public void MedianOfOddAndEvenCounts(int[] values, double expected) =>
        Assert.Equal(expected, SampleStatistics.Median(values));
}
