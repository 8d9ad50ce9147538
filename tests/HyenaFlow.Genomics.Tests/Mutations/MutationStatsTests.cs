using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Mutations;

public sealed class MutationStatsTests
{
    private static readonly (string, string, int)[] Before =
    [
        ("L1", "Lung", 214), ("L2", "Lung", 3214), ("L3", "Lung", 600), ("L4", "Lung", 753),
        ("Y1", "Lymphoid", 152), ("Y2", "Lymphoid", 9479), ("Y3", "Lymphoid", 400),
    ];

    [Fact]
    public void TableShowsMinMaxAverageAndMedianPerClassAndAggregated()
    {
        MutationSet set = MutationSetBuilder.Build(["Lung", "Lymphoid"], Before.Where(l => l.Item3 > 600).ToArray(), Before);

        MutationStatsTable table = MutationStats.BeforeMedianFilter(set);

        Assert.Equal(["Lung", "Lymphoid", "Aggregated"], table.Rows.Select(r => r.Group));
        Assert.Equal(new MutationCountSummary("Lung", 4, 4781, 214, 3214, 1195.25, 676.5), table.Rows[0]);
        Assert.Equal(new MutationCountSummary("Lymphoid", 3, 10031, 152, 9479, 10031 / 3.0, 400), table.Rows[1]);
        Assert.Equal(new MutationCountSummary("Aggregated", 7, 14812, 152, 9479, 14812 / 7.0, 600), table.Rows[2]);
    }

    [Fact]
    public void AfterFilterTableDescribesOnlyKeptLines()
    {
        MutationSet set = MutationSetBuilder.Build(["Lung", "Lymphoid"], Before.Where(l => l.Item3 > 600).ToArray(), Before);

        MutationStatsTable table = MutationStats.AfterMedianFilter(set);

        Assert.Equal(2, table.Rows[0].Lines);
        Assert.Equal(753, table.Rows[0].Min);
        Assert.Equal(1, table.Rows[1].Lines);
        Assert.Equal(9479, table.Rows[1].Median);
    }

    [Fact]
    public void TextTableIsAligned()
    {
        MutationSet set = MutationSetBuilder.Build(["Lung", "Lymphoid"], Before, Before);

        string[] lines = MutationStats.BeforeMedianFilter(set).ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("Table 3.2", lines[0]);
        Assert.StartsWith("Type", lines[1]);
        Assert.Single(lines.Skip(1).Select(l => l.Length).Distinct());
        Assert.Contains("676.5", lines[2]);
        Assert.Contains("Aggregated", lines[4]);
    }

    [Fact]
    public void EmptyClassPrintsDashes()
    {
        MutationSet set = MutationSetBuilder.Build(["Lung", "Lymphoid"], ("L1", "Lung", 5));

        MutationStatsTable table = MutationStats.AfterMedianFilter(set);

        Assert.Null(table.Rows[1].Median);
        Assert.Contains("-", table.ToText().Split('\n')[3]);
    }
}
