using System.Globalization;

namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Parses the checksum files the genome sources publish beside their data: md5sum style
/// (NCBI <c>md5checksums.txt</c>, UCSC <c>md5sum.txt</c>) and BSD <c>sum</c> style (Ensembl <c>CHECKSUMS</c>).
/// </summary>
public static class ChecksumListing
{
    /// <summary>Lines <c>&lt;md5&gt;  &lt;name&gt;</c>; NCBI writes names as <c>./name</c>, binary-mode md5sum as <c>*name</c>.</summary>
    public static IReadOnlyDictionary<string, Md5Checksum> ParseMd5Sums(string text, string source)
    {
        var entries = new Dictionary<string, Md5Checksum>(StringComparer.Ordinal);
        foreach (var (number, fields) in Lines(text))
        {
            if (fields.Length < 2 || !ExpectedChecksum.IsMd5Hex(fields[0]))
            {
                throw new DataFormatException(source, number, "expected '<32 hex digit md5>  <file name>' as md5sum writes it.");
            }

            entries[NormaliseName(string.Join(' ', fields[1..]))] = new Md5Checksum(fields[0]);
        }

        return entries;
    }

    /// <summary>Lines <c>&lt;sum&gt; &lt;blocks&gt; &lt;name&gt;</c> as the BSD <c>sum</c> command prints them.</summary>
    public static IReadOnlyDictionary<string, BsdSumChecksum> ParseBsdSums(string text, string source)
    {
        var entries = new Dictionary<string, BsdSumChecksum>(StringComparer.Ordinal);
        foreach (var (number, fields) in Lines(text))
        {
            if (fields.Length < 3
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int sum) || sum > 0xffff
                || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long blocks))
            {
                throw new DataFormatException(source, number, "expected '<16-bit sum> <1 KiB blocks> <file name>' as the BSD sum command writes it.");
            }

            entries[NormaliseName(string.Join(' ', fields[2..]))] = new BsdSumChecksum(sum, blocks);
        }

        return entries;
    }

    /// <summary>The entry for <paramref name="fileName"/>, or a clear error naming the listing.</summary>
    public static T Find<T>(IReadOnlyDictionary<string, T> listing, string fileName, string source)
        where T : ExpectedChecksum =>
        listing.TryGetValue(fileName, out T? checksum)
            ? checksum
            : throw new DataFormatException(source, null, $"no checksum listed for {fileName} ({listing.Count} entries); the source layout may have changed.");

    private static IEnumerable<(long Number, string[] Fields)> Lines(string text)
    {
        long number = 0;
        foreach (string raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return (number, line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
    }

    private static string NormaliseName(string name)
    {
        name = name.TrimStart('*');
        return name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
    }
}
