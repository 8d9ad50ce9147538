using HyenaFlow.Plots.Rendering;
using SkiaSharp;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// How a grid figure colours its points: a label per point, the labels that get a colour (in legend
/// order), and the rest drawn grey underneath as background.
/// </summary>
/// <param name="Name">Short name: the file name part and the label column of the coordinates table.</param>
/// <param name="Title">The figure title.</param>
/// <param name="Labels">The label of each point (null: no label, drawn as background).</param>
/// <param name="Coloured">Labels drawn in colour, in legend order; every other label is background.</param>
/// <param name="BackgroundLabel">Legend text of the grey points, or null when every point is coloured.</param>
public sealed record PointLabelling(string Name, string Title, IReadOnlyList<string?> Labels, IReadOnlyList<string> Coloured, string? BackgroundLabel)
{
    /// <summary>Colour per coloured label, by legend position.</summary>
    public SKColor ColourOf(string label)
    {
        for (int i = 0; i < Coloured.Count; i++)
        {
            if (Coloured[i] == label) return FigureColours.Category(i);
        }

        return FigureColours.Background;
    }

    public bool IsColoured(string? label) => label is not null && Coloured.Contains(label);

    public IReadOnlyList<LegendEntry> Legend =>
        [.. Coloured.Select((l, i) => new LegendEntry(l, FigureColours.Category(i))),
         .. BackgroundLabel is null || Labels.All(IsColoured) ? [] : new[] { new LegendEntry(BackgroundLabel, FigureColours.Background) }];

    /// <summary>Colour by chromosome of origin (thesis Figure 4.1).</summary>
    public static PointLabelling ByChromosome(IReadOnlyList<EmbeddingPoint> points, string title) =>
        new("chromosome", title, [.. points.Select(p => p.Chromosome)], [.. points.Select(p => p.Chromosome).Distinct()], null);

    /// <summary>
    /// Colour by binned position (thesis Figures 4.2–4.3): each chromosome cut into equal-width bins of
    /// <paramref name="binWidth"/> bases, labelled <c>chr_index</c>; the <paramref name="colouredBins"/> bins
    /// holding most points are coloured (ties: earlier chromosome, then lower bin), the rest are grey background.
    /// </summary>
    public static PointLabelling ByBinnedPosition(IReadOnlyList<EmbeddingPoint> points, long binWidth, int colouredBins, string title)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(colouredBins, 1);
        var labels = points.Select(p => BinLabel(p, binWidth)).ToList();
        var chromosomeOrder = points.Select(p => p.Chromosome).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var top = points
            .GroupBy(p => (p.Chromosome, Bin: p.Start / binWidth))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => chromosomeOrder[g.Key.Chromosome])
            .ThenBy(g => g.Key.Bin)
            .Take(colouredBins)
            .Select(g => BinLabel(g.First(), binWidth))
            .ToList();
        return new PointLabelling("position_bin", title, labels, top, "other bins");
    }

    /// <summary>Colour by the cancer type of the cell line a mutated sequence came from (thesis Figure 4.4).</summary>
    public static PointLabelling ByCancerType(IReadOnlyList<EmbeddingPoint> points, string title)
    {
        var labels = points.Select(p => p.CancerType).ToList();
        return new PointLabelling("cancer_type", title, labels, [.. labels.OfType<string>().Distinct().Order(StringComparer.Ordinal)], "no cancer type");
    }

    /// <summary>The bin of a point: chromosome and 0-based bin index of its start, e.g. <c>chr1_7</c>.</summary>
    public static string BinLabel(EmbeddingPoint point, long binWidth) => $"{point.Chromosome}_{point.Start / binWidth}";
}
