using System.Globalization;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Report;

/// <summary>
/// Mutations per sequence for datasets of different lengths side by side (thesis Figure 3.6, 1,024 vs
/// 32,768 bp), counted from the mutations column of each dataset's samples.tsv.
/// </summary>
public static class MutationsPerSequenceFigure
{
    /// <summary>How many sequences of a dataset carry each number of mutations.</summary>
    public sealed record Counts(string Dataset, int Length, IReadOnlyDictionary<int, long> SequencesByMutations)
    {
        public long Sequences => SequencesByMutations.Values.Sum();

        public double Mean => Sequences == 0 ? 0 : SequencesByMutations.Sum(p => (double)p.Key * p.Value) / Sequences;
    }

    public static Counts Count(string datasetDirectory)
    {
        using var reader = DatasetReader.Open(datasetDirectory);
        var counts = new SortedDictionary<int, long>();
        foreach (DatasetSample sample in reader.Samples())
        {
            counts[sample.Mutations.Count] = counts.GetValueOrDefault(sample.Mutations.Count) + 1;
        }

        if (counts.Count == 0)
            throw new Genomics.DataFormatException(Path.Combine(datasetDirectory, DatasetBuilder.SamplesFile), null, "the dataset lists no sequences; nothing to count.");
        return new Counts(datasetDirectory, reader.Info.Length, counts);
    }

    /// <summary>One panel per dataset, in the order given.</summary>
    public static void Write(IReadOnlyList<string> datasets, int width, int height, string path)
    {
        if (datasets.Count == 0) throw new ArgumentException("Mutations per sequence needs at least one dataset.", nameof(datasets));
        var counts = datasets.Select(Count).ToList();
        var panels = counts.Select((c, i) => Panel(c, FigureColours.Category(i))).ToList();
        var legend = counts.Select((c, i) => new LegendEntry($"L = {c.Length.ToString("N0", CultureInfo.InvariantCulture)} bp", FigureColours.Category(i))).ToList();
        PanelGrid.Write(panels, counts.Count, "Mutations per sequence", legend, width, height, path);
    }

    private static Plot Panel(Counts counts, SkiaSharp.SKColor colour)
    {
        var inv = CultureInfo.InvariantCulture;
        var plot = ReportPlots.Create(
            $"L = {counts.Length.ToString("N0", inv)} bp: {counts.Sequences.ToString("N0", inv)} sequences, mean {counts.Mean.ToString("0.00", inv)}",
            "mutations in the sequence", "sequences");
        plot.Axes.Title.Label.FontSize = 15;
        var fill = FigureColours.ToScottPlot(colour);
        var bars = counts.SequencesByMutations.Select(p => new Bar { Position = p.Key, Value = p.Value, Size = 0.8, FillColor = fill, LineColor = fill.Darken(0.3) }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }
}
