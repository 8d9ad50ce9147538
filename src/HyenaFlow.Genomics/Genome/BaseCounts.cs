namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// Base counts of cleaned sequence. <see cref="N"/> counts every stored N, including the IUPAC ambiguity codes
/// that cleaning turned into N; <see cref="Iupac"/> says how many of those were IUPAC codes.
/// </summary>
public readonly record struct BaseCounts(long A, long C, long G, long T, long N, long Iupac)
{
    public long Total => A + C + G + T + N;

    public static BaseCounts operator +(BaseCounts x, BaseCounts y) =>
        new(x.A + y.A, x.C + y.C, x.G + y.G, x.T + y.T, x.N + y.N, x.Iupac + y.Iupac);
}
