using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Plots.Rendering;

namespace HyenaFlow.Plots.Report;

/// <summary>
/// Mutations per cell line (thesis Figures 3.2–3.4): a histogram of the lines of each lineage, then of all
/// lines together, over the counts before the median filter (the distribution Table 3.2 describes).
/// </summary>
public static class MutationsPerLineFigure
{
    /// <returns>The PNGs written: one per lineage in class order, then the aggregate.</returns>
    public static IReadOnlyList<string> Write(MutationSet set, string directory, int width, int height, int binCount = 30)
    {
        IReadOnlyList<CellLine> lines = set.LinesBeforeMedianFilter.Count > 0 ? set.LinesBeforeMedianFilter : set.CellLines;
        if (lines.Count == 0) throw new ArgumentException("The mutation set has no cell lines; there is nothing to draw.", nameof(set));
        var files = new List<string>();
        var lineages = set.Classes.Where(c => lines.Any(l => l.Lineage == c)).ToList();
        for (int i = 0; i < lineages.Count; i++)
        {
            var counts = lines.Where(l => l.Lineage == lineages[i]).Select(l => (double)l.MutationCount).ToList();
            string path = Path.Combine(directory, $"mutations-per-cell-line-{Slug(lineages[i])}.png");
            Draw(counts, $"Mutations per cell line: {lineages[i]} ({counts.Count} lines)", FigureColours.Category(i), binCount, width, height, path);
            files.Add(path);
        }

        var all = lines.Select(l => (double)l.MutationCount).ToList();
        string aggregate = Path.Combine(directory, "mutations-per-cell-line-all.png");
        Draw(all, $"Mutations per cell line: {string.Join(" and ", lineages)} ({all.Count} lines)", FigureColours.Category(lineages.Count), binCount, width, height, aggregate);
        files.Add(aggregate);
        return files;
    }

    private static void Draw(IReadOnlyList<double> counts, string title, SkiaSharp.SKColor colour, int binCount, int width, int height, string path)
    {
        var plot = ReportPlots.Create(title, "mutations in the cell line", "cell lines");
        ReportPlots.AddHistogram(plot, Histogram.Of(counts, binCount), FigureColours.ToScottPlot(colour));
        ReportPlots.AddMedianLine(plot, counts);
        PngFile.Write(plot, width, height, path);
    }

    internal static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
