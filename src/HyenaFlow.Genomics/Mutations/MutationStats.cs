namespace HyenaFlow.Genomics.Mutations;

/// <summary>The thesis's Table 3.2: Min, Max, Avg and Median mutations per cell line, per class and aggregated.</summary>
public static class MutationStats
{
    public const string AggregatedGroup = "Aggregated";

    /// <summary>As in the thesis: every line of the classes, before the median filter.</summary>
    public static MutationStatsTable BeforeMedianFilter(MutationSet set) =>
        Summarize("Mutations per cell line before the median filter (thesis Table 3.2)", set.LinesBeforeMedianFilter, set.Classes);

    public static MutationStatsTable AfterMedianFilter(MutationSet set) =>
        Summarize(set.Report.MedianFilterApplied ? "Mutations per cell line after the median filter" : "Mutations per cell line (median filter off)", set.CellLines, set.Classes);

    public static MutationStatsTable Summarize(string title, IReadOnlyList<CellLine> lines, IReadOnlyList<string> classes)
    {
        var rows = classes
            .Select(c => Summarize(c, lines.Where(l => l.Lineage == c).Select(l => l.MutationCount).ToList()))
            .Append(Summarize(AggregatedGroup, lines.Select(l => l.MutationCount).ToList()))
            .ToList();
        return new MutationStatsTable(title, rows);
    }

    private static MutationCountSummary Summarize(string group, List<int> counts) =>
        counts.Count == 0
            ? new MutationCountSummary(group, 0, 0, null, null, null, null)
            : new MutationCountSummary(group, counts.Count, counts.Sum(c => (long)c), counts.Min(), counts.Max(), counts.Average(), SampleStatistics.Median(counts));
}
