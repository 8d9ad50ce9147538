using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Mutations;

public sealed class MutationImporterTests
{
    private static readonly ImportOptions NoMedianFilter = new() { MedianFilter = false };

    [Fact]
    public void KeepsSimpleMutationsOfCancerousLungAndLymphoidLines()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Non-Small Cell Lung Cancer"), ("ACH-Y1", "Lymphoid", "B-Cell Lymphoma"), ("ACH-B1", "Breast", "Invasive Breast Carcinoma"), ("ACH-N1", "Lung", "Non-Cancerous"));
        string mutations = f.WriteMutations(
        [
            f.Snp("ACH-L1", 100),
            DepMapFixture.Row("ACH-L1", "chr1", 200, f.Ref("chr1", 200), f.Ref("chr1", 200) + "TT"),
            DepMapFixture.Row("ACH-L1", "chr1", 300, f.Ref("chr1", 300, 3), f.Ref("chr1", 300)),
            f.Snp("ACH-Y1", 50, "chr2"),
            f.Snp("ACH-B1", 100),
            f.Snp("ACH-N1", 100),
            f.Snp("ACH-UNKNOWN", 100),
            DepMapFixture.Row("ACH-L1", "chrX", 100, "A", "C"),
            DepMapFixture.Row("ACH-L1", "chrM", 10, "A", "C"),
        ]);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal(["ACH-L1", "ACH-Y1"], set.CellLines.Select(l => l.ModelId));
        Assert.Equal([MutationType.SNP, MutationType.INS, MutationType.DEL], set.MutationsOf("ACH-L1").Select(m => m.Type));
        Assert.Equal("NAME-ACH-L1", set.CellLines[0].Name);
        Assert.Equal("Lymphoid", set.CellLines[1].Lineage);
        ImportReport r = set.Report;
        Assert.Equal(9, r.RowsRead);
        Assert.Equal(1, r.OtherLineageRows);
        Assert.Equal(1, r.NonCancerousRows);
        Assert.Equal(1, r.NonCancerousModelsExcluded);
        Assert.Equal(2, r.ModelsInClasses);
        Assert.Equal(1, r.UnknownModelRows);
        Assert.Equal(1, r.UnknownModelIds);
        Assert.Equal(2, r.ChromosomeNotInGenomeRows);
        Assert.Equal(new Dictionary<string, long> { ["chrX"] = 1, ["chrM"] = 1 }, r.RowsPerDroppedChromosome);
        Assert.Equal(4, r.MutationsKept);
        Assert.Equal(2, r.MutationsPerType["SNP"]);
    }

    [Fact]
    public void ComplexChangesAreCountedSampledAndSkipped()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string anchor = f.Ref("chr1", 10);
        string notAnchor = anchor == "A" ? "C" : "A";
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), DepMapFixture.Row("ACH-L1", "chr1", 10, f.Ref("chr1", 10, 2), notAnchor)]);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal(1, set.Report.ComplexRows);
        ImportSample sample = Assert.Single(set.Report.ComplexSamples);
        Assert.Equal(3, sample.Line);
        Assert.Equal(10, sample.Pos);
        Assert.Single(set.MutationsOf("ACH-L1"));
    }

    [Fact]
    public void RefMismatchIsSkippedWithLineNumberedSamplesByDefault()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        var rows = Enumerable.Range(1, 12).Select(i => DepMapFixture.Row("ACH-L1", "chr1", i * 10, f.OtherBase("chr1", i * 10), f.Ref("chr1", i * 10))).ToList();
        rows.Add(f.Snp("ACH-L1", 999));
        rows.Add(DepMapFixture.Row("ACH-L1", "chr2", 1999, f.Ref("chr2", 1999) + "AAA", f.Ref("chr2", 1999)));
        string mutations = f.WriteMutations(rows);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal(13, set.Report.RefMismatchRows);
        Assert.Equal(10, set.Report.RefMismatchSamples.Count);
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (long)i), set.Report.RefMismatchSamples.Select(s => s.Line));
        Assert.Contains("genome has " + f.Ref("chr1", 10), set.Report.RefMismatchSamples[0].Detail);
        Assert.Equal(999, Assert.Single(set.MutationsOf("ACH-L1")).Pos);
    }

    [Fact]
    public void RefMismatchFailsWithFileAndLineUnderFailPolicy()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), DepMapFixture.Row("ACH-L1", "chr1", 10, f.OtherBase("chr1", 10), f.Ref("chr1", 10))]);

        var e = Assert.Throws<DataFormatException>(() => MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter with { RefMismatch = RefMismatchPolicy.Fail }));

        Assert.Equal(mutations, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("chr1:10", e.Message);
    }

    [Fact]
    public void ExactDuplicatesAreRemovedAndCounted()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"), ("ACH-L2", "Lung", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), f.Snp("ACH-L1", 5), f.Snp("ACH-L2", 5), DepMapFixture.Row("ACH-L1", "chr1", 5, f.Ref("chr1", 5), f.ThirdBase("chr1", 5))]);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal(1, set.Report.DuplicateRows);
        Assert.Equal(2, set.MutationsOf("ACH-L1").Count);
        Assert.Single(set.MutationsOf("ACH-L2"));
    }

    [Fact]
    public void MutationsAreSortedByChromosomeThenPosition()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 40, "chr2"), f.Snp("ACH-L1", 900), f.Snp("ACH-L1", 30), f.Snp("ACH-L1", 10, "chr2")]);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal(["chr1:30", "chr1:900", "chr2:10", "chr2:40"], set.MutationsOf("ACH-L1").Select(m => $"{m.Chrom}:{m.Pos}"));
    }

    [Fact]
    public void OnlyDefaultEntriesAreKeptWhenTheColumnExists()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string header = DepMapFixture.MutationHeader + ",IsDefaultEntryForModel";
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5) + ",Yes", f.Snp("ACH-L1", 6) + ",No", f.Snp("ACH-L1", 7) + ",Yes"], header);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter);

        Assert.Equal([5L, 7L], set.MutationsOf("ACH-L1").Select(m => m.Pos));
        Assert.Equal(1, set.Report.NonDefaultEntryRows);
    }

    [Fact]
    public void ClassesAreConfigurableAndDefineLabelOrder()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"), ("ACH-B1", "Breast", "Cancer"), ("ACH-S1", "Skin", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), f.Snp("ACH-B1", 5), f.Snp("ACH-S1", 5)]);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome(), NoMedianFilter with { Classes = ["Skin", "Breast"] });

        Assert.Equal(["Skin", "Breast"], set.Classes);
        Assert.Equal(["ACH-S1", "ACH-B1"], set.CellLines.Select(l => l.ModelId));
        Assert.Equal(1, set.Report.OtherLineageRows);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, 2.5, new[] { 3, 4 })]
    [InlineData(new[] { 5, 1, 4, 2, 3 }, 3.0, new[] { 4, 5 })]
    [InlineData(new[] { 2, 2, 2, 5 }, 2.0, new[] { 5 })]
    public void MedianFilterDropsLinesAtOrBelowTheAggregatedMedian(int[] counts, double median, int[] keptCounts)
    {
        using var f = new DepMapFixture();
        var ids = counts.Select((_, i) => $"ACH-{i:D3}").ToArray();
        string models = f.WriteModels(ids.Select((id, i) => (id, i % 2 == 0 ? "Lung" : "Lymphoid", "Cancer")).ToArray());
        var rows = ids.SelectMany((id, i) => Enumerable.Range(1, counts[i]).Select(p => f.Snp(id, p * 7)));
        string mutations = f.WriteMutations(rows);

        MutationSet set = MutationImporter.Import(mutations, models, f.Genome());

        Assert.Equal(median, set.Report.MedianMutationsPerLine);
        Assert.Equal(keptCounts, set.CellLines.Select(l => l.MutationCount).Order());
        Assert.Equal(counts.Order(), set.LinesBeforeMedianFilter.Select(l => l.MutationCount).Order());
        Assert.Equal(counts.Length - keptCounts.Length, set.Report.LinesDroppedByMedianFilter);
        Assert.All(set.LinesBeforeMedianFilter.Where(l => !set.Contains(l.ModelId)), l => Assert.True(l.MutationCount <= median));
    }

    [Fact]
    public void LegacyCcleFileIsRefusedNamingTheBuild()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string legacy = f.Write("CCLE_mutations.csv", "Hugo_Symbol,Chromosome,Start_position,End_position,Variant_Type,Reference_Allele,Tumor_Seq_Allele1,DepMap_ID\nKRAS,12,25398284,25398284,SNP,C,T,ACH-000001\n");

        var e = Assert.Throws<DataFormatException>(() => MutationImporter.Import(legacy, models, f.Genome()));

        Assert.Contains("GRCh37", e.Message);
        Assert.Contains("OmicsSomaticMutations.csv", e.Message);
        Assert.Contains("22Q4", e.Message);
    }

    [Fact]
    public void HtmlPageInsteadOfMutationsIsRefused()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string page = f.Write("OmicsSomaticMutations.csv", "  \n<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head></html>");

        var e = Assert.Throws<DataFormatException>(() => MutationImporter.Import(page, models, f.Genome()));

        Assert.Contains("HTML page", e.Message);
    }

    [Fact]
    public void MissingColumnIsReportedWithTheColumnsFound()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string mutations = f.WriteMutations(["chr1,5,A,C,ACH-L1"], "Chrom,Position,Ref,Alt,ModelID");

        var e = Assert.Throws<DataFormatException>(() => MutationImporter.Import(mutations, models, f.Genome()));

        Assert.Contains("'Pos'", e.Message);
        Assert.Contains("Position", e.Message);
    }

    [Fact]
    public void BadPositionNamesTheLine()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), DepMapFixture.Row("ACH-L1", "chr1", 0, "A", "C").Replace(",0,", ",x12,")]);

        var e = Assert.Throws<DataFormatException>(() => MutationImporter.Import(mutations, models, f.Genome()));

        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void ReportSurvivesJsonAndSummarises()
    {
        using var f = new DepMapFixture();
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"), ("ACH-Y1", "Lymphoid", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), f.Snp("ACH-Y1", 5), f.Snp("ACH-Y1", 6), DepMapFixture.Row("ACH-L1", "chr1", 10, f.OtherBase("chr1", 10), f.Ref("chr1", 10))]);

        ImportReport report = MutationImporter.Import(mutations, models, f.Genome()).Report;
        ImportReport back = ImportReport.FromJson(report.ToJson());

        Assert.Equal(report.ToJson(), back.ToJson());
        Assert.Contains("\"ref_mismatch_rows\": 1", report.ToJson());
        Assert.Contains("Median filter: aggregated median 1.5", report.ToSummary());
    }
}
