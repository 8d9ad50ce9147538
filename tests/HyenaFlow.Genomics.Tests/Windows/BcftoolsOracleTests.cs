using System.Globalization;
using System.Text;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Genomics.Windows;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>
/// Algorithm 1 against <c>bcftools consensus</c>: bcftools applies a window's applied mutations to the
/// whole chromosome and its chain file (reference → consensus) locates [Start, End] in the result; that
/// must be the untrimmed window, and the window's sequence its L bases from LeftTrim. Windows whose
/// applied mutations straddle an edge (applied in part, which bcftools does not do) are left to the
/// edge-case tests. Windows are batched so that one bcftools run checks hundreds: within a batch,
/// windows (with their mutations) neither overlap nor touch. (Many regions in one bcftools run with
/// region-named FASTA input cost ~12 ms each, hence whole chromosomes and chains.)
/// </summary>
public sealed class BcftoolsOracleTests
{
    [Fact]
    public void AgreesWithBcftoolsConsensus()
    {
        using var dir = new TempDirectory("oracle");
        var random = new Random(2024);
        var chromosomes = new[] { ("chr1", RandomGenomes.Sequence(random, 700_000, 0.2)), ("chr2", RandomGenomes.Sequence(random, 400_000, 0.2)) };
        var genome = RandomGenomes.Genome(chromosomes);
        var mutations = chromosomes
            .SelectMany(c => RandomGenomes.Mutations(random, "ORACLE", c.Item1, c.Item2, c.Item2.Length / 150, 12))
            .ToList();
        ExternalTools.WriteFasta(dir.File("ref.fa"), chromosomes);
        ExternalTools.Run(dir.Path, "samtools faidx ref.fa");

        var windows = new List<Built>();
        windows.AddRange(BuildWindows(genome, mutations, 1024, 1100, random));
        windows.AddRange(BuildWindows(genome, mutations, 32_768, 115, random));
        var comparable = windows.Where(w => !w.Straddles).ToList();
        Assert.True(comparable.Count(w => w.Length == 1024) >= 1000, $"{comparable.Count(w => w.Length == 1024)} comparable 1K windows");
        Assert.True(comparable.Count(w => w.Length == 32_768) >= 100, $"{comparable.Count(w => w.Length == 32_768)} comparable 32K windows");

        int compared = 0;
        var batches = Batch(comparable);
        for (int b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            WriteVcf(dir.File($"b{b}.vcf"), chromosomes, batch.SelectMany(w => w.Applied));
            string fasta = ExternalTools.Run(dir.Path, $"bgzip -f b{b}.vcf && bcftools index -f b{b}.vcf.gz && bcftools consensus -f ref.fa -c b{b}.chain b{b}.vcf.gz 2>/dev/null");
            var consensus = ExternalTools.ReadFasta(fasta).ToDictionary(r => r.Name, r => r.Bases);
            var chains = Chain.Parse(File.ReadAllText(dir.File($"b{b}.chain")));
            foreach (Built w in batch)
            {
                // Start and End+1 are never deleted in a comparable window, so the chain maps both.
                string mutated = consensus[w.Placement.Chrom];
                Chain chain = chains[w.Placement.Chrom];
                int from = chain.Map(w.Placement.Start - 1);
                int to = w.Placement.End < chain.ReferenceLength ? chain.Map(w.Placement.End) : mutated.Length;
                string expected = mutated[from..to];
                Assert.True(expected.Length == w.Placement.UntrimmedLength, $"{w.Region}: bcftools made {expected.Length} bases, Algorithm 1 {w.Placement.UntrimmedLength} before trimming");
                Assert.True(expected.Substring(w.Placement.LeftTrim, w.Length) == w.Sequence, $"{w.Region}: sequences differ");
                compared++;
            }
        }

        Assert.Equal(comparable.Count, compared);
    }

    private static IEnumerable<Built> BuildWindows(HyenaFlow.Genomics.Genome.InMemoryGenome genome, List<Mutation> mutations, int length, int count, Random random)
    {
        var builder = new MutatedWindowBuilder(genome, length);
        var index = MutationIndex.Create(mutations);
        for (int i = 0; i < count; i++)
        {
            Mutation selected = mutations[random.Next(mutations.Count)];
            var bytes = new byte[length];
            var applied = new List<Mutation>();
            WindowPlacement p = builder.Build(index, selected, random, bytes, applied);
            bool straddles = applied.Any(m => m.Pos < p.Start || m.RefEnd > p.End);
            long footprintStart = Math.Min(p.Start, applied.Min(m => m.Pos));
            long footprintEnd = Math.Max(p.End, applied.Max(m => m.RefEnd));
            yield return new Built(length, p, applied, Encoding.ASCII.GetString(bytes), straddles, footprintStart, footprintEnd);
        }
    }

    /// <summary>Greedy interval colouring: windows sorted by start go to the first batch whose last window on that chromosome ended before.</summary>
    private static List<List<Built>> Batch(List<Built> windows)
    {
        var batches = new List<(List<Built> Windows, Dictionary<string, long> LastEnd)>();
        foreach (Built w in windows.OrderBy(w => w.Placement.Chrom, StringComparer.Ordinal).ThenBy(w => w.FootprintStart))
        {
            var batch = batches.FirstOrDefault(b => b.LastEnd.GetValueOrDefault(w.Placement.Chrom, 0) < w.FootprintStart - 1);
            if (batch.Windows is null)
            {
                batch = ([], new Dictionary<string, long>());
                batches.Add(batch);
            }

            batch.Windows.Add(w);
            batch.LastEnd[w.Placement.Chrom] = w.FootprintEnd;
        }

        return batches.Select(b => b.Windows).ToList();
    }

    private static void WriteVcf(string path, (string Name, byte[] Bases)[] chromosomes, IEnumerable<Mutation> mutations)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine("##fileformat=VCFv4.2");
        foreach (var (name, bases) in chromosomes)
        {
            writer.WriteLine($"##contig=<ID={name},length={bases.Length}>");
        }

        writer.WriteLine("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        foreach (Mutation m in mutations.OrderBy(m => m.Chrom, StringComparer.Ordinal).ThenBy(m => m.Pos))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Chrom}\t{m.Pos}\t.\t{m.Ref}\t{m.Alt}\t.\t.\t."));
        }
    }

    /// <summary>A bcftools chain (reference → consensus) for one chromosome: ungapped blocks between indels.</summary>
    private sealed record Chain(int ReferenceLength, List<(int Reference, int Consensus, int Size)> Blocks)
    {
        public static Dictionary<string, Chain> Parse(string text)
        {
            var chains = new Dictionary<string, Chain>(StringComparer.Ordinal);
            Chain? current = null;
            int t = 0;
            int q = 0;
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (f[0] == "chain")
                {
                    current = new Chain(int.Parse(f[3], CultureInfo.InvariantCulture), []);
                    chains[f[2]] = current;
                    t = int.Parse(f[5], CultureInfo.InvariantCulture);
                    q = int.Parse(f[10], CultureInfo.InvariantCulture);
                    continue;
                }

                int size = int.Parse(f[0], CultureInfo.InvariantCulture);
                current!.Blocks.Add((t, q, size));
                t += size;
                q += size;
                if (f.Length == 3)
                {
                    t += int.Parse(f[1], CultureInfo.InvariantCulture);
                    q += int.Parse(f[2], CultureInfo.InvariantCulture);
                }
            }

            return chains;
        }

        /// <summary>The 0-based consensus position of 0-based reference position <paramref name="x"/>.</summary>
        public int Map(long x)
        {
            foreach (var (reference, consensus, size) in Blocks)
            {
                if (x >= reference && x < reference + size)
                {
                    return (int)(consensus + x - reference);
                }
            }

            throw new InvalidOperationException($"reference position {x} is deleted in the consensus");
        }
    }

    private sealed record Built(int Length, WindowPlacement Placement, List<Mutation> Applied, string Sequence, bool Straddles, long FootprintStart, long FootprintEnd)
    {
        public string Region => string.Create(CultureInfo.InvariantCulture, $"{Placement.Chrom}:{Placement.Start}-{Placement.End}");
    }
}
