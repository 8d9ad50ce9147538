namespace HyenaFlow.Genomics.Tests.Synthesis;

[Collection(DemoDataCollection.Name)]
public sealed class SyntheticModelsFileTests(DemoDataFixture data)
{
    [Fact]
    public void ColumnsAndIdsLookLikeDepMap()
    {
        string[] leading =
        [
            "ModelID", "PatientID", "CellLineName", "StrippedCellLineName", "DepmapModelType", "OncotreeLineage", "OncotreePrimaryDisease",
            "OncotreeSubtype", "OncotreeCode", "Age", "Sex", "PrimaryOrMetastasis", "SampleCollectionSite", "SourceType",
        ];
        Assert.Equal(leading, data.ModelHeader.Take(leading.Length));
        var ids = data.Models.Select(m => data.ModelField(m, "ModelID")).ToList();
        Assert.All(ids, id => Assert.Matches("^ACH-[0-9]{6}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(data.Summary.ModelCount, ids.Count);
    }

    [Fact]
    public void LineagesIncludeNonCancerousLinesInBothClasses()
    {
        int Count(string lineage, bool cancerous) => data.Models.Count(m =>
            data.ModelField(m, "OncotreeLineage") == lineage && (data.ModelField(m, "OncotreePrimaryDisease") != "Non-Cancerous") == cancerous);
        Assert.Equal(40, Count("Lung", cancerous: true));
        Assert.Equal(40, Count("Lymphoid", cancerous: true));
        Assert.Equal(3, Count("Lung", cancerous: false));
        Assert.Equal(3, Count("Lymphoid", cancerous: false));
        var others = data.Models.Select(m => data.ModelField(m, "OncotreeLineage")).Where(l => l is not ("Lung" or "Lymphoid")).ToList();
        Assert.Equal(15, others.Count);
        Assert.True(others.Distinct().Count() >= 3);
    }

    [Fact]
    public void MutationCountsPerLineAreRightSkewed()
    {
        foreach (string lineage in new[] { "Lung", "Lymphoid" })
        {
            var counts = CountsPerLine(lineage);
            double median = Median(counts);
            Assert.True(counts.Average() > median, $"{lineage}: mean {counts.Average():F1} should exceed median {median}.");
            Assert.True(counts.Max() >= 4 * median, $"{lineage}: max {counts.Max()} should be far above median {median}.");
        }

        Assert.True(CountsPerLine("Lymphoid").Max() > CountsPerLine("Lung").Max(), "Lymphoid carries the hypermutator, as in Table 3.2.");
    }

    [Fact]
    public void TheMedianFilterLeavesEighteenLinesPerClass()
    {
        var lung = CountsPerLine("Lung");
        var lymphoid = CountsPerLine("Lymphoid");
        double median = Median([.. lung, .. lymphoid]);
        Assert.True(lung.Count(c => c > median) >= 18);
        Assert.True(lymphoid.Count(c => c > median) >= 18);
    }

    private List<int> CountsPerLine(string lineage)
    {
        var members = data.Models
            .Where(m => data.ModelField(m, "OncotreeLineage") == lineage && data.ModelField(m, "OncotreePrimaryDisease") != "Non-Cancerous")
            .Select(m => data.ModelField(m, "ModelID"))
            .ToHashSet();
        return data.Mutations.Select(r => data.Field(r, "ModelID")).Where(members.Contains)
            .GroupBy(id => id).Select(g => g.Count()).ToList();
    }

    private static double Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
    }
}
