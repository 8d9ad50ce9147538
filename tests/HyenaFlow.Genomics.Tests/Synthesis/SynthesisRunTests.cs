using System.Security.Cryptography;
using HyenaFlow.Genomics.Synthesis;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Synthesis;

public sealed class SynthesisRunTests
{
    /// <summary>Smaller than the demo profile: two 300-kb autosomes and a few dozen lines.</summary>
    private static SynthesisOptions Tiny(long seed, double signal = 0.7) => SynthesisOptions.For(SynthesisProfile.Demo, seed) with
    {
        Signal = signal,
        AutosomeCount = 2,
        MeanAutosomeLength = 300_000,
        LungLines = 12,
        LymphoidLines = 12,
        NonCancerousLinesPerLineage = 1,
        OtherLines = 3,
        MinimumLinesAboveMedian = 4,
        LungCounts = new(40, 100, 120, 300),
        LymphoidCounts = new(40, 100, 140, 400),
        DuplicateRows = 2,
        ComplexRows = 1,
    };

    [Fact]
    public void SameSeedGivesByteIdenticalFiles()
    {
        using var first = new TempDirectory("synth-a");
        using var second = new TempDirectory("synth-b");
        using var other = new TempDirectory("synth-c");
        SyntheticDataGenerator.Generate(Tiny(11), first.Path);
        SyntheticDataGenerator.Generate(Tiny(11), second.Path);
        SyntheticDataGenerator.Generate(Tiny(12), other.Path);

        string[] files = ["genome.fna.gz", "md5checksums.txt", "OmicsSomaticMutations.csv", "Model.csv", "ground_truth.json"];
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            Assert.Equal(Hash(first.File(file)), Hash(second.File(file)));
            Assert.NotEqual(Hash(first.File(file)), Hash(other.File(file)));
        }
    }

    [Fact]
    public void RerunningIntoTheSameFolderReplacesFilesAndLeavesNoTemporaries()
    {
        using var dir = new TempDirectory("synth-rerun");
        SyntheticDataGenerator.Generate(Tiny(3), dir.Path);
        string before = Hash(dir.File("OmicsSomaticMutations.csv"));
        SynthesisSummary summary = SyntheticDataGenerator.Generate(Tiny(3), dir.Path);
        Assert.Equal(before, Hash(summary.MutationsPath));
        Assert.Equal(5, Directory.GetFiles(dir.Path).Length);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void SignalZeroErasesTheLineageDifference()
    {
        using var dir = new TempDirectory("synth-nosignal");
        SynthesisSummary summary = SyntheticDataGenerator.Generate(Tiny(5, signal: 0), dir.Path);
        var (header, rows, _) = StrictCsv.Read(summary.MutationsPath);
        var (modelHeader, models, _) = StrictCsv.Read(summary.ModelsPath);
        var genome = GzipFasta.Read(summary.GenomePath)
            .Where(r => r.Accession is "NC_000001.11" or "NC_000002.12")
            .ToDictionary(r => r.Accession == "NC_000001.11" ? "chr1" : "chr2", r => r.Bases.ToUpperInvariant());
        int col(string name) => Array.IndexOf(header, name);
        var lineageOf = models.ToDictionary(m => m[Array.IndexOf(modelHeader, "ModelID")], m => m[Array.IndexOf(modelHeader, "OncotreeLineage")]);

        double CToA(string lineage)
        {
            var snvs = rows.Where(r => lineageOf[r[col("ModelID")]] == lineage && genome.ContainsKey(r[col("Chrom")]) && r[col("Ref")].Length == 1 && r[col("Alt")].Length == 1).ToList();
            return snvs.Count(r => (r[col("Ref")], r[col("Alt")]) is ("C", "A") or ("G", "T")) / (double)snvs.Count;
        }

        Assert.InRange(CToA("Lung") - CToA("Lymphoid"), -0.06, 0.06);
    }

    [Fact]
    public void ProgressCoversEveryStage()
    {
        using var dir = new TempDirectory("synth-progress");
        var reports = new List<ProgressReport>();
        SyntheticDataGenerator.Generate(Tiny(1), dir.Path, new Recorder(reports));
        foreach (string stage in new[] { "genome", "write genome", "sample mutations", "mutations" })
        {
            ProgressReport last = reports.Last(r => r.Stage == stage);
            Assert.Equal(last.Total, last.Done);
        }
    }

    [Fact]
    public void InvalidOptionsAreRefused()
    {
        using var dir = new TempDirectory("synth-invalid");
        Assert.Throws<ArgumentException>(() => SyntheticDataGenerator.Generate(Tiny(1, signal: 1.5), dir.Path));
        Assert.Throws<ArgumentException>(() => SyntheticDataGenerator.Generate(Tiny(1) with { AutosomeCount = 23 }, dir.Path));
        Assert.Throws<ArgumentException>(() => SyntheticDataGenerator.Generate(Tiny(1) with { LungCounts = new(10, 50, 40, 100) }, dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void SmallProfileMatchesTheThesisCohort()
    {
        SynthesisOptions small = SynthesisOptions.For(SynthesisProfile.Small);
        small.Validate();
        Assert.Equal(22, small.AutosomeCount);
        Assert.Equal((222, 202), (small.LungLines, small.LymphoidLines));
        Assert.Equal((214, 3214), (small.LungCounts.Min, small.LungCounts.Max));
        Assert.Equal((152, 9479), (small.LymphoidCounts.Min, small.LymphoidCounts.Max));
        Assert.InRange(small.LymphoidCounts.Sigma, 1.0, 1.1);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class Recorder(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => reports.Add(value);
    }
}
