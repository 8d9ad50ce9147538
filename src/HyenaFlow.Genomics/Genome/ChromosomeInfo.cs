namespace HyenaFlow.Genomics.Genome;

/// <summary>A sequence of a reference genome under its canonical name (<c>chr1</c> … <c>chr22</c>, <c>chrX</c>, <c>chrY</c>, <c>chrM</c>).</summary>
public sealed record ChromosomeInfo(string Name, long Length);
