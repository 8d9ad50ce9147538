using System.Text;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Genome;

public sealed class GenomeStoreTests : IDisposable
{
    private readonly TempDirectory dir = new("genome");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void RandomRangesReadBackExactlyAcrossNRunAndPackingBoundaries()
    {
        var random = new Random(2024);
        var expected = new Dictionary<string, byte[]>
        {
            ["chr1"] = SyntheticSequences.WithNRuns(random, 100_003, innerRuns: 40),
            ["chr2"] = SyntheticSequences.WithNRuns(random, 40_000, innerRuns: 10),
            ["chr6"] = SyntheticSequences.WithNRuns(random, 700_001, innerRuns: 3), // several of the packer's 64 KiB output buffers
            ["chr3"] = "ACGTN"u8.ToArray(),
            ["chr4"] = "G"u8.ToArray(),
            ["chr5"] = "NNNNNNN"u8.ToArray(),
        };
        string store = Import(expected);

        using GenomeStore genome = GenomeStore.Open(store);

        Assert.Equal(expected.Keys, genome.Chromosomes.Select(c => c.Name));
        foreach (var (name, bases) in expected)
        {
            Assert.Equal(Encoding.ASCII.GetString(bases), HyenaFlow.Genomics.Tests.Fasta.FastaImportTests.ReadAll(genome, name));
        }

        int checkedRanges = 0;
        foreach (var (name, bases) in expected)
        {
            // Boundaries worth hitting: where N runs start and end, and every packed-byte edge near them.
            var edges = Enumerable.Range(1, bases.Length - 1).Where(i => (bases[i] == 'N') != (bases[i - 1] == 'N')).ToList();
            edges.AddRange([0, bases.Length]);
            for (int k = 0; k < 2_000; k++)
            {
                int start = k % 2 == 0 ? random.Next(bases.Length) : Math.Clamp(edges[random.Next(edges.Count)] + random.Next(-5, 5), 0, bases.Length - 1);
                int length = random.Next(0, Math.Min(bases.Length - start, k % 3 == 0 ? 9 : 3_000) + 1);
                var actual = new byte[length];
                genome.Read(name, start, actual);
                Assert.True(bases.AsSpan(start, length).SequenceEqual(actual), $"{name}:{start}+{length}");
                checkedRanges++;
            }
        }

        Assert.Equal(expected.Count * 2_000, checkedRanges);
    }

    [Fact]
    public void ReadsOutsideTheSequenceOrOfUnknownNamesThrow()
    {
        using GenomeStore genome = GenomeStore.Open(Import(new() { ["chr1"] = "ACGTACGTAC"u8.ToArray() }));

        Assert.Throws<ArgumentOutOfRangeException>(() => genome.Read("chr1", 8, new byte[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => genome.Read("chr1", -1, new byte[1]));
        Assert.Throws<ArgumentException>(() => genome.Read("chr9", 0, new byte[1]));
        Assert.Null(genome.Find("chr9"));
        Assert.Equal(new ChromosomeInfo("chr1", 10), genome.Find("chr1"));
        genome.Read("chr1", 10, []);
    }

    [Fact]
    public void StoreKeepsCountsSourceAndSelection()
    {
        var bases = new Dictionary<string, byte[]> { ["chr1"] = "ACGTNNAC"u8.ToArray(), ["chr2"] = "TTTT"u8.ToArray() };
        using GenomeStore genome = GenomeStore.Open(Import(bases));

        Assert.Equal("in.fa", genome.SourceFile);
        Assert.Equal("autosomes", genome.Selection);
        Assert.Equal(new BaseCounts(2, 2, 1, 5, 2, 0), genome.Stats.Total);
        Assert.Equal(new ChromosomeBaseCounts("chr2", new BaseCounts(0, 0, 0, 4, 0, 0)), genome.Stats.PerChromosome[1]);
        Assert.Equal(genome.Stats.PerChromosome, GenomeStats.Count(genome).PerChromosome);
    }

    [Fact]
    public void StoreBytesAreTwoBitsPerBasePlusRuns()
    {
        var random = new Random(5);
        string store = Import(new() { ["chr1"] = SyntheticSequences.WithNRuns(random, 400_000, innerRuns: 3) });
        long size = new FileInfo(store).Length;
        Assert.InRange(size, 100_000, 100_000 + 1_000);
    }

    [Fact]
    public void NonStoresAndDamagedStoresAreRejectedClearly()
    {
        File.WriteAllText(dir.File("not.hfg"), ">chr1\nACGT\n");
        var wrong = Assert.Throws<DataFormatException>(() => GenomeStore.Open(dir.File("not.hfg")));
        Assert.Contains("not a HyenaFlow genome store", wrong.Message);

        byte[] good = File.ReadAllBytes(Import(new() { ["chr1"] = "ACGTACGTAC"u8.ToArray() }));
        File.WriteAllBytes(dir.File("cut.hfg"), good[..^5]);
        var cut = Assert.Throws<DataFormatException>(() => GenomeStore.Open(dir.File("cut.hfg")));
        Assert.Contains("truncated", cut.Message);
    }

    [Fact]
    public void ReadsFromManyThreadsAgree()
    {
        var random = new Random(9);
        byte[] bases = SyntheticSequences.WithNRuns(random, 50_000);
        using GenomeStore genome = GenomeStore.Open(Import(new() { ["chr1"] = bases }));

        Parallel.For(0, 400, i =>
        {
            var local = new Random(i);
            int start = local.Next(bases.Length - 1000);
            var actual = new byte[1000];
            genome.Read("chr1", start, actual);
            Assert.True(bases.AsSpan(start, 1000).SequenceEqual(actual));
        });
    }

    private string Import(Dictionary<string, byte[]> sequences)
    {
        FastaWriter.WriteFile(dir.File("in.fa"), sequences.Select(s => (s.Key, s.Value)), 60);
        string store = dir.File($"g{Guid.NewGuid():N}.hfg");
        FastaImporter.Import(dir.File("in.fa"), store);
        return store;
    }
}
