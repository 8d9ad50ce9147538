using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// One generated row of OmicsSomaticMutations.csv in VCF style (1-based <see cref="Pos"/>, anchor base on indels).
/// <see cref="Type"/> is null for a planted complex substitution.
/// </summary>
internal sealed record SyntheticMutation(string ModelId, string Chrom, long Pos, string Ref, string Alt, MutationType? Type, MutationalProcess Process)
{
    /// <summary>The VEP variant class DepMap writes in its VariantType column.</summary>
    public string VepClass => Type switch
    {
        MutationType.SNP => "SNV",
        MutationType.DNP or MutationType.TNP or MutationType.ONP => "substitution",
        MutationType.INS => "insertion",
        MutationType.DEL => "deletion",
        _ => "indel",
    };
}
