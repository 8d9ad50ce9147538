namespace HyenaFlow.Genomics.Mutations;

/// <summary>Sorts mutations by chromosome (karyotype order), position, then alleles, so exact duplicates end up adjacent.</summary>
public sealed class MutationOrder : IComparer<Mutation>
{
    public static MutationOrder Instance { get; } = new();

    public int Compare(Mutation? x, Mutation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Mutations of one line mostly share a chromosome string: skip the rank parse then.
        int c = string.Equals(x.Chrom, y.Chrom, StringComparison.Ordinal) ? 0 : ChromosomeOrder.Instance.Compare(x.Chrom, y.Chrom);
        if (c == 0)
        {
            c = x.Pos.CompareTo(y.Pos);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Ref, y.Ref);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Alt, y.Alt);
    }
}
