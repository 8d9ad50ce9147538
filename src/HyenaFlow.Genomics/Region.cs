using System.Globalization;

namespace HyenaFlow.Genomics;

/// <summary>A closed interval on a chromosome in 1-based inclusive coordinates (samtools notation).</summary>
public readonly record struct Region(string Chrom, long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>Parses <c>chr1:101-200</c>, <c>chr1:101</c> or <c>chr1</c> (whole chromosome: End = long.MaxValue).</summary>
    public static Region Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return text.Length == 0
                ? throw new FormatException("Region is empty; expected CHROM[:START[-END]], e.g. chr1:101-200.")
                : new Region(text, 1, long.MaxValue);
        }

        string chrom = text[..colon];
        string range = text[(colon + 1)..].Replace(",", "", StringComparison.Ordinal);
        int dash = range.IndexOf('-');
        string startText = dash < 0 ? range : range[..dash];
        string? endText = dash < 0 ? null : range[(dash + 1)..];
        if (chrom.Length == 0
            || !long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out long start)
            || start < 1)
        {
            throw new FormatException($"Region '{text}' is not CHROM[:START[-END]] with 1-based START ≥ 1, e.g. chr1:101-200.");
        }

        long end = start;
        if (endText is not null && (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start))
        {
            throw new FormatException($"Region '{text}' has END before START or END is not a number; expected e.g. chr1:101-200.");
        }

        return new Region(chrom, start, endText is null && dash >= 0 ? long.MaxValue : end);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Chrom}:{Start}-{End}");
}
