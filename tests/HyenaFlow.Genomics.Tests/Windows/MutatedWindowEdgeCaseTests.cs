using System.Text;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Windows;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>Hand-computed windows on a 30-base chromosome, one rule of Algorithm 1 each.</summary>
public sealed class MutatedWindowEdgeCaseTests
{
    //                               1        10        20        30
    //                               |        |         |         |
    private const string Reference = "AACCGGTTACGTACGTTGCATTGGCCAAGT";

    private static readonly InMemoryGenome Genome = InMemoryGenome.FromStrings(("chrE", Reference));

    [Fact]
    public void WindowLeavingTheStartIsShiftedNotShortened()
    {
        var snp = M(3, "C", "T");
        var (w, seq) = Build(10, snp, 5, snp);
        Assert.Equal((1L, 10L, 2), (w.Start, w.End, w.Offset));
        Assert.Equal("AATCGGTTAC", seq);
    }

    [Fact]
    public void WindowLeavingTheEndIsShiftedNotShortened()
    {
        var snp = M(28, "A", "G");
        var (w, seq) = Build(10, snp, 2, snp);
        Assert.Equal((21L, 30L, 7), (w.Start, w.End, w.Offset));
        Assert.Equal("TTGGCCAGGT", seq);
    }

    [Fact]
    public void OverlapsKeepTheSelectedThenTheFirstByPosition()
    {
        var dnp = M(4, "CG", "TT");
        var selected = M(5, "G", "A");
        var deletion = M(7, "TTA", "T");
        var hidden = M(8, "T", "C");
        var (w, seq) = Build(10, selected, 4, dnp, selected, deletion, hidden);
        Assert.Equal([selected, deletion], w.Applied);
        Assert.Equal(2, w.SkippedOverlaps);
        Assert.Equal((1L, 12L, 4), (w.Start, w.End, w.Offset));
        Assert.Equal("AACCAGTCGT", seq);
    }

    [Fact]
    public void InsertionOverflowIsTrimmedAtTheFarRightEnd()
    {
        var selected = M(3, "C", "T");
        var insertion = M(8, "T", "TGGGGG");
        var (w, seq) = Build(10, selected, 2, selected, insertion);
        Assert.Equal((1L, 10L, 2), (w.Start, w.End, w.Offset));
        Assert.Equal("AATCGGTTGG", seq);
    }

    [Fact]
    public void InsertionOverflowNeverCutsTheSelectedMutation()
    {
        var before = M(3, "C", "CGGG");
        var selected = M(7, "T", "TCCCC");
        var (w, seq, placement) = BuildPlaced(10, selected, 5, before, selected);
        Assert.Equal((2L, 11L, 5), (w.Start, w.End, w.Offset));
        Assert.Equal(17, placement.UntrimmedLength);
        Assert.Equal(3, placement.LeftTrim);
        Assert.Equal("GGCGGTCCCC", seq);
    }

    [Fact]
    public void InsertionOverflowIsTrimmedAtTheLeftWhenClampedAtTheEnd()
    {
        var insertion = M(25, "C", "CAAA");
        var selected = M(29, "G", "A");
        var (w, seq) = Build(10, selected, 3, insertion, selected);
        Assert.Equal((21L, 30L, 8), (w.Start, w.End, w.Offset));
        Assert.Equal("GCAAACAAAT", seq);
    }

    [Fact]
    public void GrowthRepeatsWhileNewlyCoveredDeletionsShortenTheWindow()
    {
        var selected = M(2, "A", "T");
        var first = M(5, "GGTTA", "G");
        var revealed = M(12, "TAC", "T");
        var revealedAgain = M(15, "GTTG", "G");
        var (w, seq) = Build(10, selected, 1, selected, first, revealed, revealedAgain);
        Assert.Equal((1L, 19L, 1), (w.Start, w.End, w.Offset));
        Assert.Equal([selected, first, revealed, revealedAgain], w.Applied);
        Assert.Equal("ATCCGCGTGC", seq);
    }

    [Fact]
    public void DeletionAnchoredAtTheLastBaseKeepsItsAnchorAndNeedsNoGrowth()
    {
        var selected = M(2, "A", "T");
        var atEdge = M(10, "CGT", "C");
        var (w, seq) = Build(10, selected, 1, selected, atEdge);
        Assert.Equal((1L, 10L), (w.Start, w.End));
        Assert.Equal("ATCCGGTTAC", seq);
    }

    [Fact]
    public void DeletionStraddlingTheLeftEdgeDeletesOnlyInsideAndGrowsLeftWhenClampedAtTheEnd()
    {
        var straddling = M(19, "CATT", "C");
        var selected = M(29, "G", "A");
        var (w, seq) = Build(10, selected, 3, straddling, selected);
        Assert.Equal((18L, 30L, 8), (w.Start, w.End, w.Offset));
        Assert.Equal("GCGGCCAAAT", seq);
    }

    [Fact]
    public void SelectedDeletionKeepsItsAnchorAtTheOffset()
    {
        var selected = M(6, "GTTA", "G");
        var (w, seq) = Build(10, selected, 3, selected);
        Assert.Equal((3L, 15L, 3), (w.Start, w.End, w.Offset));
        Assert.Equal("CCGGCGTACG", seq);
    }

    [Fact]
    public void NBasesAreKept()
    {
        var genome = InMemoryGenome.FromStrings(("chrN", "ACGTNNNNACGT"));
        var selected = new Mutation("L", "chrN", 2, "C", "G", MutationType.SNP);
        var window = new MutatedWindowBuilder(genome, 8).Build([selected], selected, new Random(1));
        Assert.Contains("NNNN", Encoding.ASCII.GetString(window.Sequence));
    }

    [Fact]
    public void ChromosomeShorterThanTheWindowIsAnError()
    {
        var selected = M(3, "C", "T");
        var e = Assert.Throws<ArgumentException>(() => new MutatedWindowBuilder(Genome, 31).Build([selected], selected, new Random(1)));
        Assert.Contains("fewer than the window length", e.Message);
    }

    [Fact]
    public void DeletionsThatExhaustTheChromosomeAreAnError()
    {
        var selected = M(2, "A", "T");
        var huge = M(3, Reference[2..28], "C");
        Assert.Throws<InvalidOperationException>(() => new MutatedWindowBuilder(Genome, 10).Build([selected, huge], selected, new Random(1)));
    }

    [Fact]
    public void SelectedMutationMustBelongToTheList()
    {
        var selected = M(2, "A", "T");
        Assert.Throws<ArgumentException>(() => new MutatedWindowBuilder(Genome, 10).Build([M(3, "C", "T")], selected, new Random(1)));
    }

    [Fact]
    public void UnsortedListIsRejected()
    {
        var a = M(2, "A", "T");
        var b = M(9, "A", "T");
        Assert.Throws<ArgumentException>(() => MutationIndex.Create([b, a]));
    }

    private static Mutation M(long pos, string reference, string alt)
    {
        Assert.Equal(Reference.Substring((int)pos - 1, reference.Length), reference);
        MutationType type = reference.Length == alt.Length
            ? reference.Length switch { 1 => MutationType.SNP, 2 => MutationType.DNP, 3 => MutationType.TNP, _ => MutationType.ONP }
            : alt.Length > reference.Length ? MutationType.INS : MutationType.DEL;
        return new Mutation("LINE", "chrE", pos, reference, alt, type);
    }

    private static (MutatedWindow Window, string Sequence) Build(int length, Mutation selected, int offset, params Mutation[] line)
    {
        var (window, sequence, _) = BuildPlaced(length, selected, offset, line);
        return (window, sequence);
    }

    private static (MutatedWindow Window, string Sequence, WindowPlacement Placement) BuildPlaced(int length, Mutation selected, int offset, params Mutation[] line)
    {
        var builder = new MutatedWindowBuilder(Genome, length);
        var bytes = new byte[length];
        var applied = new List<Mutation>();
        WindowPlacement p = builder.BuildAt(MutationIndex.Create(line), selected, offset, bytes, applied);
        var slow = SlowWindowReference.Build(Reference, line, selected, length, offset);
        Assert.NotNull(slow);
        Assert.Equal(slow.Sequence, Encoding.ASCII.GetString(bytes));
        var window = new MutatedWindow(p.Chrom, p.Start, p.End, p.Offset, applied, p.SkippedOverlaps, bytes);
        return (window, Encoding.ASCII.GetString(bytes), p);
    }
}
