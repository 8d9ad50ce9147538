namespace HyenaFlow.Genomics.Mutations;

/// <summary>The thesis's variant classes, derived from VCF-style Ref/Alt lengths (never from DepMap's VEP class).</summary>
public enum MutationType
{
    SNP,
    DNP,
    TNP,
    ONP,
    INS,
    DEL,
}
