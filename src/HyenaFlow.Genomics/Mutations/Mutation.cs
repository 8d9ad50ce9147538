namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// One somatic mutation of a cell line, VCF style: <see cref="Pos"/> is the 1-based position of the
/// first Ref base; indels carry the shared anchor base (deletion Ref=AT Alt=A deletes the T at Pos+1).
/// </summary>
public sealed record Mutation(string CellLine, string Chrom, long Pos, string Ref, string Alt, MutationType Type)
{
    /// <summary>Last reference position covered by Ref (1-based, inclusive).</summary>
    public long RefEnd => Pos + Ref.Length - 1;

    /// <summary>Change in sequence length when applied: negative for deletions.</summary>
    public int LengthDelta => Alt.Length - Ref.Length;

    /// <summary><c>chrom:pos:ref&gt;alt</c>, the form the dataset manifest lists.</summary>
    public string Notation => $"{Chrom}:{Pos}:{Ref}>{Alt}";
}
