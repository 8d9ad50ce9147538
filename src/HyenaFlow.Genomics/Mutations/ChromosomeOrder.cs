namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Orders chromosome names as a karyotype does (chr1 … chr22, chrX, chrY, chrM, then anything else
/// by ordinal name), so sorted outputs read naturally and do not depend on any genome file.
/// </summary>
public sealed class ChromosomeOrder : IComparer<string>
{
    public static ChromosomeOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int byRank = Rank(x).CompareTo(Rank(y));
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static int Rank(string name)
    {
        ReadOnlySpan<char> bare = name.AsSpan();
        if (bare.StartsWith("chr", StringComparison.Ordinal))
        {
            bare = bare[3..];
        }

        if (int.TryParse(bare, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) && number is > 0 and < 1000)
        {
            return number;
        }

        return bare switch
        {
            "X" => 1000,
            "Y" => 1001,
            "M" or "MT" => 1002,
            _ => int.MaxValue,
        };
    }
}
