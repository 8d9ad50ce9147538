namespace HyenaFlow.Genomics;

/// <summary>Summary statistics of a sample, shared by the data layer, the report and the benchmarks.</summary>
public static class SampleStatistics
{
    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <inheritdoc cref="Median(IEnumerable{double})"/>
    public static double Median(IEnumerable<int> values) => Median(values.Select(v => (double)v));
}
