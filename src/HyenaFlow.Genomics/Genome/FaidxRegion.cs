using System.Globalization;

namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// A region exactly as <c>samtools faidx</c> reads one, resolved against a genome: <c>chr1</c> (whole sequence),
/// <c>chr1:101-200</c>, <c>chr1:101</c> or <c>chr1:101-</c> (from 101 to the end; note <see cref="Region.Parse"/>
/// reads <c>chr1:101</c> as one base), commas allowed in numbers. An end past the sequence is cut to its end
/// (<see cref="Truncated"/>), a start past it gives no bases, as samtools does.
/// </summary>
public sealed record FaidxRegion(string Text, string Chrom, long Start, long End, bool Truncated)
{
    /// <summary>0-based half-open length.</summary>
    public long Length => End - Start;

    /// <summary>Resolves <paramref name="text"/>; throws <see cref="FormatException"/> for bad syntax, <see cref="ArgumentException"/> for an unknown sequence.</summary>
    public static FaidxRegion Resolve(string text, IReferenceGenome genome)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (genome.Find(text) is { } whole)
        {
            return new FaidxRegion(text, whole.Name, 0, whole.Length, false);
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw Unknown(text, text, genome);
        }

        string chrom = text[..colon];
        string range = text[(colon + 1)..].Replace(",", "", StringComparison.Ordinal);
        int dash = range.IndexOf('-');
        string first = dash < 0 ? range : range[..dash];
        string last = dash < 0 ? "" : range[(dash + 1)..];
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long start) || start < 1
            || (last.Length > 0 && (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long parsedEnd) || parsedEnd < start)))
        {
            throw new FormatException($"Region '{text}' is not CHROM, CHROM:START, CHROM:START- or CHROM:START-END with 1 ≤ START ≤ END (1-based, inclusive), e.g. chr1:101-200.");
        }

        ChromosomeInfo chromosome = genome.Find(chrom) ?? throw Unknown(text, chrom, genome);
        long end = last.Length == 0 ? chromosome.Length : long.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture);
        long from = Math.Min(start - 1, chromosome.Length);
        long to = Math.Min(end, chromosome.Length);
        return new FaidxRegion(text, chromosome.Name, from, Math.Max(from, to), end > chromosome.Length);
    }

    private static ArgumentException Unknown(string text, string chrom, IReferenceGenome genome) =>
        new($"Region '{text}': sequence '{chrom}' is not in the genome, which holds {string.Join(", ", genome.Chromosomes.Select(c => c.Name).Take(30))}.");
}
