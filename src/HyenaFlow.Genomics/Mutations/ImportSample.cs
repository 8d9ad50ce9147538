namespace HyenaFlow.Genomics.Mutations;

/// <summary>One dropped row kept as an example in the <see cref="ImportReport"/>, with its CSV line so it can be looked up.</summary>
public sealed record ImportSample(long Line, string ModelId, string Chrom, long Pos, string Ref, string Alt, string Detail);
