using System.Text;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tests.Mutations;

namespace HyenaFlow.Cli.Tests;

public sealed class MutationsCommandTests
{
    [Fact]
    public async Task ImportStatsAndSelectRunEndToEnd()
    {
        using var f = new DepMapFixture();
        string fasta = f.Write("ref.fa", $">chr1\n{Wrap(f.Chr1)}>chr2\n{Wrap(f.Chr2)}");
        string genome = Path.Combine(f.Directory, "genome.hfg");
        var (genomeCode, _, genomeError) = await CliRunner.RunAsync("genome", "import", "--fasta", fasta, "--out", genome);
        Assert.True(genomeCode == 0, genomeError);

        // Ten lines per class with 1..10 (Lung) and 2..11 (Lymphoid) SNPs: the median filter keeps the upper half.
        var lines = Enumerable.Range(0, 10).SelectMany(i => new[] { ($"ACH-L{i:D2}", "Lung", i + 1), ($"ACH-Y{i:D2}", "Lymphoid", i + 2) }).ToArray();
        string models = f.WriteModels([.. lines.Select(l => (l.Item1, l.Item2, "Cancer")), ("ACH-N00", "Lung", "Non-Cancerous")]);
        string mutations = f.WriteMutations(lines.SelectMany(l => Enumerable.Range(1, l.Item3).Select(p => f.Snp(l.Item1, p * 13))).Append(f.Snp("ACH-N00", 4)));
        string set = Path.Combine(f.Directory, "mutations");

        var (importCode, importOut, importError) = await CliRunner.RunAsync("mutations", "import", "--mutations", mutations, "--models", models, "--genome", genome, "--out", set);
        Assert.True(importCode == 0, importError);
        Assert.Contains("non-cancerous model", importOut);
        Assert.Contains("aggregated median 6", importOut);

        var (statsCode, statsOut, _) = await CliRunner.RunAsync("mutations", "stats", set);
        Assert.Equal(0, statsCode);
        Assert.Contains("Table 3.2", statsOut);
        Assert.Contains("Aggregated", statsOut);

        string selection = Path.Combine(f.Directory, "selection");
        var (selectCode, selectOut, selectError) = await CliRunner.RunAsync("mutations", "select", "--mutations", set, "--seed", "7", "--out", selection, "--train-lines", "3", "--test-lines", "1");
        Assert.True(selectCode == 0, selectError);
        Assert.Contains("Lymphoid", selectOut);
        BalancedSelection loaded = BalancedSelectionStore.Load(selection);
        Assert.Equal(7, loaded.MutationsPerLine);
        Assert.Equal(4, loaded.CellLines.Count(l => l.Label == 0));
    }

    [Fact]
    public async Task TooFewLinesFailsWithAHint()
    {
        using var f = new DepMapFixture();
        string fasta = f.Write("ref.fa", $">chr1\n{Wrap(f.Chr1)}");
        string genome = Path.Combine(f.Directory, "genome.hfg");
        Assert.Equal(0, (await CliRunner.RunAsync("genome", "import", "--fasta", fasta, "--out", genome)).ExitCode);
        string models = f.WriteModels(("ACH-L1", "Lung", "Cancer"), ("ACH-Y1", "Lymphoid", "Cancer"));
        string mutations = f.WriteMutations([f.Snp("ACH-L1", 5), f.Snp("ACH-Y1", 5)]);
        string set = Path.Combine(f.Directory, "m");
        Assert.Equal(0, (await CliRunner.RunAsync("mutations", "import", "--mutations", mutations, "--models", models, "--genome", genome, "--out", set, "--no-median-filter")).ExitCode);

        var (code, _, error) = await CliRunner.RunAsync("mutations", "select", "--mutations", set, "--seed", "1", "--out", Path.Combine(f.Directory, "s"));

        Assert.Equal(1, code);
        Assert.Contains("'Lung' has 1 cell lines", error);
    }

    [Fact]
    public async Task BadRefMismatchPolicyIsBadUsage()
    {
        var (code, _, error) = await CliRunner.RunAsync("mutations", "import", "--mutations", "a", "--models", "b", "--genome", "c", "--out", "d", "--ref-mismatch", "ignore");

        Assert.Equal(2, code);
        Assert.Contains("--ref-mismatch", error);
    }

    private static string Wrap(string bases)
    {
        var text = new StringBuilder();
        for (int i = 0; i < bases.Length; i += 60)
        {
            text.Append(bases.AsSpan(i, Math.Min(60, bases.Length - i))).Append('\n');
        }

        return text.ToString();
    }
}
