using HyenaFlow.Genomics;
using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Report;

/// <summary>The look the report's single-panel figures share.</summary>
internal static class ReportPlots
{
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        FigureFonts.Apply(plot);
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    /// <summary>A histogram as touching bars in one colour.</summary>
    public static void AddHistogram(Plot plot, Histogram histogram, Color colour)
    {
        var bars = histogram.Counts.Select((count, i) => new Bar
        {
            Position = histogram.Centre(i),
            Value = count,
            Size = histogram.Width,
            FillColor = colour,
            LineColor = colour.Darken(0.3),
            LineWidth = 0.5f,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
    }

    public static void AddMedianLine(Plot plot, IReadOnlyList<double> values)
    {
        double median = SampleStatistics.Median(values);
        var line = plot.Add.VerticalLine(median, width: 2, color: Colors.Black, pattern: LinePattern.Dashed);
        line.LegendText = $"median {median:0.#}";
        plot.ShowLegend(Alignment.UpperRight);
    }
}
