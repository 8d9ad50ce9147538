namespace HyenaFlow.Plots.Report;

/// <summary>Equal-width bins over the range of some values, for drawing histograms as bars.</summary>
/// <param name="Start">Left edge of the first bin.</param>
/// <param name="Width">Width of every bin.</param>
/// <param name="Counts">Values per bin; the last bin includes its right edge.</param>
public sealed record Histogram(double Start, double Width, IReadOnlyList<int> Counts)
{
    public static Histogram Of(IReadOnlyList<double> values, int binCount)
    {
        if (values.Count == 0) throw new ArgumentException("A histogram needs at least one value.", nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        double min = values.Min();
        double max = values.Max();
        double width = max > min ? (max - min) / binCount : 1;
        var counts = new int[max > min ? binCount : 1];
        foreach (double v in values)
        {
            int bin = (int)Math.Min(counts.Length - 1, Math.Floor((v - min) / width));
            counts[bin]++;
        }

        return new Histogram(max > min ? min : min - 0.5, width, counts);
    }

    public double Centre(int bin) => Start + (bin + 0.5) * Width;
}
