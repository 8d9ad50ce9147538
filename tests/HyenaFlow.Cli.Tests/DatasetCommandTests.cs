using System.Globalization;
using System.Text;
using HyenaFlow.Genomics.Tests.Mutations;

namespace HyenaFlow.Cli.Tests;

public sealed class DatasetCommandTests
{
    private const int L = 128;

    [Fact]
    public async Task BuildThenInspectShowsAuditableSequences()
    {
        using var f = new DepMapFixture();
        string set = await ImportAsync(f);
        string genome = Path.Combine(f.Directory, "genome.hfg");
        string outDir = Path.Combine(f.Directory, "ds");

        var (code, output, error) = await CliRunner.RunAsync("dataset", "build", "--genome", genome, "--mutations", set, "--length", $"{L}", "--seed", "5", "--out", outDir, "--train-lines", "2", "--test-lines", "1", "--max-per-line", "8");
        Assert.True(code == 0, error);
        Assert.Contains("Mutations per sequence: mean", output);
        Assert.Matches(@"train\s+Lung\s+16", output);
        Assert.Matches(@"test\s+all\s+16", output);

        var (inspectCode, tsv, inspectError) = await CliRunner.RunAsync("dataset", "inspect", outDir, "--format", "tsv");
        Assert.True(inspectCode == 0, inspectError);
        string[] lines = tsv.TrimEnd('\n').Split('\n');
        Assert.Equal("id\tsplit\tcell_line\tlabel\tchrom\tstart\tend\toffset\tmutations\tsequence", lines[0]);
        Assert.Equal(48, lines.Length - 1);
        foreach (string line in lines.Skip(1))
        {
            string[] c = line.Split('\t');
            Assert.Equal(10, c.Length);
            string sequence = c[9];
            Assert.Equal(L, sequence.Length);
            string chromosome = c[4] == "chr1" ? f.Chr1 : f.Chr2;
            string full = Apply(chromosome, c[8].Split(';'), long.Parse(c[5], CultureInfo.InvariantCulture), long.Parse(c[6], CultureInfo.InvariantCulture));
            Assert.True(full.Contains(sequence, StringComparison.Ordinal), $"row {c[0]}: {sequence} is not in {full}");
            Assert.True(full.Length > L || full == sequence);
        }

        var (_, testOnly, _) = await CliRunner.RunAsync("dataset", "inspect", outDir, "--split", "test", "--limit", "3");
        var rows = testOnly.TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("test", r.Split('\t')[1]));

        var (againCode, again, _) = await CliRunner.RunAsync("dataset", "build", "--genome", genome, "--mutations", set, "--length", $"{L}", "--seed", "5", "--out", Path.Combine(f.Directory, "ds2"), "--train-lines", "2", "--test-lines", "1", "--max-per-line", "8");
        Assert.Equal(0, againCode);
        Assert.Equal(Hash(output), Hash(again));
    }

    [Fact]
    public async Task InspectRejectsUnknownFormatAndSplit()
    {
        Assert.Equal(2, (await CliRunner.RunAsync("dataset", "inspect", "x", "--format", "json")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("dataset", "inspect", "x", "--split", "validation")).ExitCode);
        var (code, _, error) = await CliRunner.RunAsync("dataset", "inspect", Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.Contains("dataset.json", error);
    }

    private static async Task<string> ImportAsync(DepMapFixture f)
    {
        var fasta = new StringBuilder();
        foreach (var (name, bases) in new[] { ("chr1", f.Chr1), ("chr2", f.Chr2) })
        {
            fasta.Append('>').Append(name).Append('\n');
            for (int i = 0; i < bases.Length; i += 60)
            {
                fasta.Append(bases.AsSpan(i, Math.Min(60, bases.Length - i))).Append('\n');
            }
        }

        string genome = Path.Combine(f.Directory, "genome.hfg");
        var (genomeCode, _, genomeError) = await CliRunner.RunAsync("genome", "import", "--fasta", f.Write("ref.fa", fasta.ToString()), "--out", genome);
        Assert.True(genomeCode == 0, genomeError);

        var random = new Random(3);
        var models = new List<(string, string, string)>();
        var rows = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            foreach (string lineage in new[] { "Lung", "Lymphoid" })
            {
                string id = $"ACH-{lineage[..2].ToUpperInvariant()}{i}";
                models.Add((id, lineage, "Cancer"));
                foreach (int pos in Enumerable.Range(0, 30).Select(_ => random.Next(2, 4900)).Distinct())
                {
                    rows.Add((pos % 5) switch
                    {
                        0 => DepMapFixture.Row(id, "chr1", pos, f.Ref("chr1", pos, 4), f.Ref("chr1", pos)),
                        1 => DepMapFixture.Row(id, "chr1", pos, f.Ref("chr1", pos), f.Ref("chr1", pos) + "GT"),
                        _ => f.Snp(id, pos),
                    });
                }
            }
        }

        string set = Path.Combine(f.Directory, "mutations");
        var (code, _, error) = await CliRunner.RunAsync("mutations", "import", "--mutations", f.WriteMutations(rows), "--models", f.WriteModels([.. models]), "--genome", genome, "--out", set, "--no-median-filter");
        Assert.True(code == 0, error);
        return set;
    }

    /// <summary>The reference [start, end] with the listed (non-overlapping) mutations applied base by base, VCF style.</summary>
    private static string Apply(string chromosome, string[] notations, long start, long end)
    {
        var mutations = notations.Select(n =>
        {
            string[] p = n.Split(':');
            string[] alleles = p[2].Split('>');
            return (Pos: long.Parse(p[1], CultureInfo.InvariantCulture), Ref: alleles[0], Alt: alleles[1]);
        }).ToList();
        var text = new StringBuilder();
        for (long pos = start; pos <= end; pos++)
        {
            var m = mutations.FirstOrDefault(m => m.Pos <= pos && pos < m.Pos + m.Ref.Length);
            if (m.Ref is null)
            {
                text.Append(chromosome[(int)pos - 1]);
                continue;
            }

            int i = (int)(pos - m.Pos);
            if (i == m.Ref.Length - 1)
            {
                text.Append(m.Alt.AsSpan(Math.Min(i, m.Alt.Length)));
            }
            else if (i < m.Alt.Length)
            {
                text.Append(m.Alt[i]);
            }
        }

        return text.ToString();
    }

    private static string Hash(string buildOutput) =>
        buildOutput.Split('\n').Single(l => l.StartsWith("Content hash", StringComparison.Ordinal));
}
