using System.Text;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Windows;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>Thousands of random windows checked against the slow reference walk and against the invariants.</summary>
public sealed class MutatedWindowPropertyTests
{
    [Theory]
    [InlineData(1, 16, 6, 4)]
    [InlineData(2, 40, 4, 12)]
    [InlineData(3, 100, 10, 30)]
    [InlineData(4, 64, 2, 60)]
    public void MatchesTheSlowReferenceOnRandomCases(int seed, int length, int mutationsPer100Bases, int maxIndel)
    {
        var random = new Random(seed);
        int checkedWindows = 0;
        for (int genomeRound = 0; genomeRound < 40; genomeRound++)
        {
            int chromLength = random.Next(length, length * 8);
            byte[] bases = RandomGenomes.Sequence(random, chromLength, nRunsPerKb: 20);
            string chromosome = Encoding.ASCII.GetString(bases);
            var genome = RandomGenomes.Genome(("chrT", bases));
            int count = Math.Max(1, chromLength * mutationsPer100Bases / 100);
            List<Mutation> mutations = RandomGenomes.Mutations(random, "LINE", "chrT", bases, count, maxIndel);
            var builder = new MutatedWindowBuilder(genome, length);
            var index = MutationIndex.Create(mutations);
            for (int w = 0; w < 40; w++)
            {
                Mutation selected = mutations[random.Next(mutations.Count)];
                if (selected.Alt.Length > length)
                {
                    continue;
                }

                int offset = random.Next(0, length - selected.Alt.Length + 1);
                var expected = SlowWindowReference.Build(chromosome, mutations, selected, length, offset);
                var sequence = new byte[length];
                var applied = new List<Mutation>();
                if (expected is null)
                {
                    Assert.Throws<InvalidOperationException>(() => builder.BuildAt(index, selected, offset, sequence, applied));
                    continue;
                }

                WindowPlacement placement = builder.BuildAt(index, selected, offset, sequence, applied);
                string context = $"seed {seed} round {genomeRound} window {w}: {selected.Notation} offset {offset}";
                Assert.True(expected.Start == placement.Start && expected.End == placement.End, $"{context}: window {placement.Start}-{placement.End}, expected {expected.Start}-{expected.End}");
                Assert.Equal(expected.Sequence, Encoding.ASCII.GetString(sequence));
                Assert.Equal(expected.Offset, placement.Offset);
                Assert.Equal(expected.Applied, applied);
                Assert.Equal(expected.Skipped, placement.SkippedOverlaps);
                Assert.Equal(expected.Untrimmed.Length, placement.UntrimmedLength);
                CheckInvariants(chromosome, mutations, selected, placement, applied, sequence, context);
                checkedWindows++;
            }
        }

        Assert.True(checkedWindows > 1000, $"only {checkedWindows} windows checked");
    }

    [Fact]
    public void SameSeedSameWindowsOtherSeedOtherOffsets()
    {
        var random = new Random(7);
        byte[] bases = RandomGenomes.Sequence(random, 5000);
        var genome = RandomGenomes.Genome(("chr1", bases));
        List<Mutation> mutations = RandomGenomes.Mutations(random, "L", "chr1", bases, 200, 8);
        var builder = new MutatedWindowBuilder(genome, 128);

        List<MutatedWindow> Run(int seed)
        {
            var rng = new Random(seed);
            return mutations.Select(m => builder.Build(mutations, m, rng)).ToList();
        }

        var first = Run(42);
        var again = Run(42);
        var other = Run(43);
        Assert.Equal(first.Select(w => Convert.ToHexString(w.Sequence)), again.Select(w => Convert.ToHexString(w.Sequence)));
        Assert.Equal(first.Select(w => (w.Start, w.End, w.Offset)), again.Select(w => (w.Start, w.End, w.Offset)));
        Assert.NotEqual(first.Select(w => w.Offset), other.Select(w => w.Offset));
    }

    [Fact]
    public void OffsetsAreUniformOverTheValidRange()
    {
        byte[] bases = RandomGenomes.Sequence(new Random(1), 1000, nRunsPerKb: 0);
        var genome = RandomGenomes.Genome(("chr1", bases));
        Mutation snp = RandomGenomes.Substitution(new Random(2), "L", "chr1", bases, 500, 1, MutationType.SNP)!;
        var builder = new MutatedWindowBuilder(genome, 10);
        var random = new Random(3);
        var counts = new int[10];
        for (int i = 0; i < 10_000; i++)
        {
            counts[builder.Build([snp], snp, random).Offset]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    /// <summary>What must hold whatever the reference says: length L, the selected Alt in place, every mutation accounted for.</summary>
    private static void CheckInvariants(string chromosome, List<Mutation> all, Mutation selected, WindowPlacement placement, List<Mutation> applied, byte[] sequence, string context)
    {
        Assert.InRange(placement.UntrimmedLength, sequence.Length, int.MaxValue);
        Assert.Contains(selected, applied);
        Assert.Equal(selected.Alt, Encoding.ASCII.GetString(sequence, placement.Offset, selected.Alt.Length));
        Assert.InRange(placement.Start, 1, chromosome.Length);
        Assert.InRange(placement.End, placement.Start, chromosome.Length);
        var inside = all.Where(m => m.Pos <= placement.End && m.RefEnd >= placement.Start).ToList();
        Assert.True(inside.Count == applied.Count + placement.SkippedOverlaps, $"{context}: {inside.Count} mutations touch the window, {applied.Count} applied + {placement.SkippedOverlaps} skipped");
        for (int i = 1; i < applied.Count; i++)
        {
            Assert.True(applied[i - 1].RefEnd < applied[i].Pos, $"{context}: applied mutations overlap");
        }

        long net = placement.End - placement.Start + 1 + applied.Sum(m => ClippedDelta(m, placement.Start, placement.End));
        Assert.Equal(net, placement.UntrimmedLength);
    }

    private static long ClippedDelta(Mutation m, long start, long end)
    {
        long delta = 0;
        for (long p = Math.Max(m.Pos, start); p <= Math.Min(m.RefEnd, end); p++)
        {
            int i = (int)(p - m.Pos);
            int emitted = i == m.Ref.Length - 1 ? m.Alt.Length - Math.Min(i, m.Alt.Length) : i < m.Alt.Length ? 1 : 0;
            delta += emitted - 1;
        }

        return delta;
    }
}
