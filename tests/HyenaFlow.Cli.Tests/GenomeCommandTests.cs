using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Tests.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

public sealed class GenomeCommandTests : IDisposable
{
    private readonly TempDirectory dir = new("genome-cli");

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task ImportStatsFetchAndExportWork()
    {
        File.WriteAllText(dir.File("ref.fa"),
            ">NC_000001.11 Homo sapiens chromosome 1\nacgtACGTNN\nRYAC\n>NC_000023.11 Homo sapiens chromosome X\nGGGG\n>NC_000002.12 Homo sapiens chromosome 2\nTTTTCCCC\n");

        var import = await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("ref.fa"), "--out", dir.File("g.hfg"));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Kept 2 sequence(s) (autosomes), 22 bases: chr1, chr2.", import.Out);
        Assert.Contains("Skipped 1 sequence(s): chrX.", import.Out);

        var stats = await CliRunner.RunAsync("genome", "stats", "--genome", dir.File("g.hfg"), "--per-chromosome");
        Assert.Equal(0, stats.ExitCode);
        Assert.Matches(@"\nA\s+3\s", stats.Out);
        Assert.Matches(@"\nC\s+7\s", stats.Out);
        Assert.Matches(@"\nN\s+4\s", stats.Out);
        Assert.Matches(@"\nTotal\s+22\s", stats.Out);
        Assert.Contains("N includes 2 IUPAC", stats.Out);

        var fetch = await CliRunner.RunAsync("genome", "fetch", "--genome", dir.File("g.hfg"), "--width", "4", "chr1:3-12", "chr2");
        Assert.Equal(0, fetch.ExitCode);
        Assert.Equal(">chr1:3-12\nGTAC\nGTNN\nNN\n>chr2\nTTTT\nCCCC\n", fetch.Out);

        var export = await CliRunner.RunAsync("genome", "export", "--genome", dir.File("g.hfg"), "--out", dir.File("clean.fa"), "--width", "5");
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(">chr1\nACGTA\nCGTNN\nNNAC\n>chr2\nTTTTC\nCCC\n", File.ReadAllText(dir.File("clean.fa")));
    }

    [Fact]
    public async Task BadFilesExitWithOneAndNameTheProblem()
    {
        File.WriteAllText(dir.File("bad.fa"), ">chr1\nACGT\nAC!T\n");
        var bad = await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("bad.fa"), "--out", dir.File("g.hfg"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($"{dir.File("bad.fa")}:3: bad character '!' at line 3, column 3", bad.Error);

        var missing = await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("none.fa"), "--out", dir.File("g.hfg"));
        Assert.Equal(1, missing.ExitCode);

        var notStore = await CliRunner.RunAsync("genome", "stats", "--genome", dir.File("bad.fa"));
        Assert.Equal(1, notStore.ExitCode);
        Assert.Contains("not a HyenaFlow genome store", notStore.Error);
    }

    [Fact]
    public async Task BadUsageExitsWithTwo()
    {
        FastaWriter.WriteFile(dir.File("ok.fa"), [("chr1", "ACGTACGT")]);
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("ok.fa"), "--out", dir.File("g.hfg"))).ExitCode);

        Assert.Equal(2, (await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("ok.fa"))).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("ok.fa"), "--out", dir.File("x.hfg"), "--keep", " ")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("genome", "fetch", "--genome", dir.File("g.hfg"))).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("genome", "fetch", "--genome", dir.File("g.hfg"), "chr1:5-2")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("genome", "fetch", "--genome", dir.File("g.hfg"), "--width", "0", "chr1")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("genome", "export", "--genome", dir.File("g.hfg"))).ExitCode);

        var unknown = await CliRunner.RunAsync("genome", "fetch", "--genome", dir.File("g.hfg"), "chr7:1-5");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'chr7' is not in the genome", unknown.Error);
    }

    [Fact]
    public async Task FetchAgreesByteForByteWithSamtoolsFaidxOnTheExportedFasta()
    {
        var random = new Random(31);
        FastaWriter.WriteFile(dir.File("src.fa.gz"),
        [
            ("NC_000001.11 Homo sapiens chromosome 1", SyntheticSequences.SoftMasked(random, SyntheticSequences.WithNRuns(random, 30_011, innerRuns: 8))),
            ("NC_000002.12 Homo sapiens chromosome 2", SyntheticSequences.WithNRuns(random, 12_000)),
            ("NC_000003.12 Homo sapiens chromosome 3", "ACGTN"u8.ToArray()),
        ], width: 70);
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("src.fa.gz"), "--out", dir.File("g.hfg"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "export", "--genome", dir.File("g.hfg"), "--out", dir.File("clean.fa"))).ExitCode);

        var lengths = new Dictionary<string, int> { ["chr1"] = 30_011, ["chr2"] = 12_000, ["chr3"] = 5 };
        var regions = new List<string> { "chr1", "chr2", "chr3", "chr1:1-1", "chr1:30011-30011", "chr1:1-30011", "chr2:11941-12000", "chr3:2", "chr2:100-" };
        for (int i = 0; i < 240; i++)
        {
            var (name, length) = lengths.ElementAt(random.Next(lengths.Count));
            int start = random.Next(1, length + 1);
            int end = Math.Min(length, start + random.Next(0, i % 4 == 0 ? 5_000 : 300));
            regions.Add($"{name}:{start}-{end}");
        }

        foreach (int width in (int[])[60, 80])
        {
            var (samCode, samtools, samError) = HyenaFlow.Genomics.Tests.Fasta.ExternalTool.Run("samtools", ["faidx", "-n", width.ToString(System.Globalization.CultureInfo.InvariantCulture), dir.File("clean.fa"), .. regions]);
            Assert.True(samCode == 0, samError);

            var ours = await CliRunner.RunAsync(["genome", "fetch", "--genome", dir.File("g.hfg"), "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture), .. regions]);

            Assert.Equal(0, ours.ExitCode);
            Assert.True(samtools.Length > 100_000);
            Assert.Equal(System.Text.Encoding.ASCII.GetString(samtools), ours.Out);
        }
    }

    [Fact]
    public async Task EndsPastTheSequenceAreTruncatedLikeSamtools()
    {
        FastaWriter.WriteFile(dir.File("s.fa"), [("chr1", new string('C', 22))]);
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "import", "--fasta", dir.File("s.fa"), "--out", dir.File("g.hfg"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "export", "--genome", dir.File("g.hfg"), "--out", dir.File("clean.fa"))).ExitCode);
        string[] regions = ["chr1:15-40", "chr1:30-40", "chr1:22-23"];

        var (_, samtools, samError) = HyenaFlow.Genomics.Tests.Fasta.ExternalTool.Run("samtools", ["faidx", dir.File("clean.fa"), .. regions]);
        var ours = await CliRunner.RunAsync(["genome", "fetch", "--genome", dir.File("g.hfg"), .. regions]);

        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(System.Text.Encoding.ASCII.GetString(samtools), ours.Out);
        Assert.Equal(samError.Split('\n', StringSplitOptions.RemoveEmptyEntries), ours.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
