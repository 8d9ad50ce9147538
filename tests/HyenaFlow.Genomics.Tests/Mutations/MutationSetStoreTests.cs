using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Mutations;

public sealed class MutationSetStoreTests
{
    private static MutationSet ImportSample(DepMapFixture f)
    {
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"), ("ACH-L2", "Lung", "Cancer"), ("ACH-Y1", "Lymphoid", "Cancer"), ("ACH-Y2", "Lymphoid", "Cancer"));
        string mutations = f.WriteMutations(
        [
            f.Snp("ACH-L1", 5), f.Snp("ACH-L1", 9, "chr2"), DepMapFixture.Row("ACH-L1", "chr1", 20, f.Ref("chr1", 20), f.Ref("chr1", 20) + "GA"),
            f.Snp("ACH-L2", 5),
            f.Snp("ACH-Y1", 5), DepMapFixture.Row("ACH-Y1", "chr2", 30, f.Ref("chr2", 30, 4), f.Ref("chr2", 30)), f.Snp("ACH-Y1", 40),
            f.Snp("ACH-Y2", 5), f.Snp("ACH-Y2", 6),
        ]);
        return MutationImporter.Import(mutations, models, f.Genome());
    }

    [Fact]
    public void RoundTripKeepsLinesMutationsCountsAndReport()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        MutationSet set = ImportSample(f);
        string path = Path.Combine(dir.Path, "m");

        MutationSetStore.Save(set, path);
        MutationSet back = MutationSetStore.Load(path);

        Assert.Equal(set.Classes, back.Classes);
        Assert.Equal(set.CellLines, back.CellLines);
        Assert.Equal(set.LinesBeforeMedianFilter, back.LinesBeforeMedianFilter);
        Assert.Equal(set.Report.ToJson(), back.Report.ToJson());
        foreach (CellLine line in set.CellLines)
        {
            Assert.Equal(set.MutationsOf(line.ModelId), back.MutationsOf(line.ModelId));
        }

        Assert.Equal(2, back.CellLines.Count);
        Assert.Equal(4, back.LinesBeforeMedianFilter.Count);
    }

    [Fact]
    public void SaveReplacesAnOlderSetAndLeavesNoTemporaryDirectories()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        MutationSet set = ImportSample(f);
        string path = Path.Combine(dir.Path, "m");

        MutationSetStore.Save(set, path);
        MutationSetStore.Save(set, path);

        Assert.Equal(["m"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Equal(set.MutationCount, MutationSetStore.Load(path).MutationCount);
    }

    [Fact]
    public void SaveRefusesToReplaceAnUnrelatedDirectory()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        File.WriteAllText(dir.File("precious.txt"), "keep me");

        Assert.Throws<IOException>(() => MutationSetStore.Save(ImportSample(f), dir.Path));
        Assert.True(File.Exists(dir.File("precious.txt")));
    }

    [Fact]
    public void CorruptRowIsReportedWithFileAndLine()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        string path = Path.Combine(dir.Path, "m");
        MutationSetStore.Save(ImportSample(f), path);
        string file = Path.Combine(path, MutationSetStore.MutationsFile);
        var lines = File.ReadAllLines(file);
        lines[2] = lines[2].Replace("\tINS", "\tSNP", StringComparison.Ordinal).Replace("\tSNP", "\tDEL", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var e = Assert.Throws<DataFormatException>(() => MutationSetStore.Load(path));

        Assert.Equal(file, e.File);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void TruncatedMutationsFileIsDetected()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        string path = Path.Combine(dir.Path, "m");
        MutationSetStore.Save(ImportSample(f), path);
        string file = Path.Combine(path, MutationSetStore.MutationsFile);
        File.WriteAllLines(file, File.ReadAllLines(file).SkipLast(1));

        var e = Assert.Throws<DataFormatException>(() => MutationSetStore.Load(path));

        Assert.Contains("incomplete", e.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        using var f = new DepMapFixture();
        using var dir = new TempDirectory("mset");
        string path = Path.Combine(dir.Path, "m");
        MutationSetStore.Save(ImportSample(f), path);
        File.Delete(Path.Combine(path, MutationSetStore.CellLinesFile));

        var e = Assert.Throws<DataFormatException>(() => MutationSetStore.Load(path));

        Assert.EndsWith(MutationSetStore.CellLinesFile, e.File);
    }
}
