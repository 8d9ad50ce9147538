namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Derives the thesis's classes from VCF-style Ref/Alt lengths, because DepMap's VariantType column
/// holds VEP classes (SNV, substitution, insertion, deletion, indel) that do not map one to one.
/// </summary>
public static class MutationTypes
{
    /// <summary>
    /// SNP/DNP/TNP/ONP for equal lengths 1/2/3/longer; INS when Alt is longer and both share the
    /// anchor base; DEL when Ref is longer and both share the anchor base; null ("complex") otherwise.
    /// </summary>
    public static MutationType? Derive(ReadOnlySpan<char> reference, ReadOnlySpan<char> alternate)
    {
        if (reference.IsEmpty || alternate.IsEmpty)
        {
            return null;
        }

        if (reference.Length == alternate.Length)
        {
            return reference.Length switch
            {
                1 => MutationType.SNP,
                2 => MutationType.DNP,
                3 => MutationType.TNP,
                _ => MutationType.ONP,
            };
        }

        bool sharedAnchor = char.ToUpperInvariant(reference[0]) == char.ToUpperInvariant(alternate[0]);
        if (!sharedAnchor)
        {
            return null;
        }

        return alternate.Length > reference.Length ? MutationType.INS : MutationType.DEL;
    }
}
