namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// An interspersed or tandem repeat inserted many times with small divergence and soft-masked, as RepeatMasker
/// leaves Alu, L1, MIR, LTR and simple repeats in the real reference.
/// </summary>
/// <param name="Name">Family label, e.g. <c>AluY-like</c>.</param>
/// <param name="Consensus">Upper-case consensus (for tandem repeats, the unit).</param>
/// <param name="GenomeShare">Fraction of each chromosome covered by copies of this family (before overlaps).</param>
/// <param name="Copy">How one copy is cut from the consensus.</param>
internal sealed record RepeatFamily(string Name, byte[] Consensus, double GenomeShare, RepeatCopyStyle Copy, double MinDivergence, double MaxDivergence)
{
    /// <summary>Mean copy length, used to turn <see cref="GenomeShare"/> into a number of copies.</summary>
    public double MeanCopyLength => Copy switch
    {
        RepeatCopyStyle.Whole => Consensus.Length,
        RepeatCopyStyle.FivePrimeTruncated => Math.Min(Consensus.Length, 1_200),
        _ => 90,
    };

    /// <summary>The families of one generated genome, their consensi drawn from <paramref name="random"/>.</summary>
    public static IReadOnlyList<RepeatFamily> Library(SeededRandom random)
    {
        byte[] WithTail(byte[] body, int tail) => [.. body, .. Enumerable.Repeat((byte)'A', tail)];
        return
        [
            new("AluY-like", WithTail(BaseComposition.Generate(282, random, 0.56, 0.7), 24), 0.10, RepeatCopyStyle.Whole, 0.02, 0.16),
            new("L1-like", WithTail(BaseComposition.Generate(6_000, random, 0.39, 0.3), 16), 0.17, RepeatCopyStyle.FivePrimeTruncated, 0.03, 0.22),
            new("MIR-like", BaseComposition.Generate(262, random, 0.46, 0.35), 0.025, RepeatCopyStyle.Whole, 0.15, 0.30),
            new("LTR-like", BaseComposition.Generate(364, random, 0.42, 0.3), 0.08, RepeatCopyStyle.Whole, 0.05, 0.20),
            new("(CA)n", "CA"u8.ToArray(), 0.006, RepeatCopyStyle.Tandem, 0.01, 0.08),
            new("(TTTTA)n", "TTTTA"u8.ToArray(), 0.004, RepeatCopyStyle.Tandem, 0.01, 0.08),
            new("(GAA)n", "GAA"u8.ToArray(), 0.003, RepeatCopyStyle.Tandem, 0.01, 0.08),
        ];
    }
}

/// <summary>How copies of a repeat are cut: whole element, 3' fragment of a long element (L1), or a run of a short unit.</summary>
internal enum RepeatCopyStyle
{
    Whole,
    FivePrimeTruncated,
    Tandem,
}
