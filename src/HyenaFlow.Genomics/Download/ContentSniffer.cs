using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Looks at the first bytes of a response to tell data from an HTML page. Portals answer blocked or
/// moved downloads with a 200 and a web page; caught here, that never becomes a "genome" or "CSV".
/// </summary>
internal static partial class ContentSniffer
{
    /// <summary>Enough to recognise every format checked here.</summary>
    public const int HeadBytes = 1024;

    /// <summary>Enough of an HTML page to find its title.</summary>
    public const int HtmlBytes = 16 * 1024;

    public static bool LooksLikeHtml(ReadOnlySpan<byte> head, string? mediaType)
    {
        ReadOnlySpan<byte> text = SkipPreamble(head);
        string start = Encoding.ASCII.GetString(text[..Math.Min(HeadBytes, text.Length)]).ToLowerInvariant();
        if (start.StartsWith("<!doctype html", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
            || start.StartsWith("<head", StringComparison.Ordinal) || start.StartsWith("<body", StringComparison.Ordinal))
        {
            return true;
        }

        if (mediaType is "text/html" or "application/xhtml+xml" && start.StartsWith('<'))
        {
            return true;
        }

        bool markupFirst = start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<!--", StringComparison.Ordinal);
        return markupFirst && start.Contains("<html", StringComparison.Ordinal);
    }

    /// <summary>Throws a <see cref="DownloadException"/> when <paramref name="head"/> is not <paramref name="expected"/>.</summary>
    public static void Check(Uri url, ExpectedContent expected, string htmlHint, ReadOnlySpan<byte> head, string? mediaType)
    {
        if (expected == ExpectedContent.Any)
        {
            return;
        }

        if (LooksLikeHtml(head, mediaType))
        {
            string title = Title(head) is { } t ? $"\"{t}\"" : "untitled";
            throw new DownloadException(url, $"{url}: the server returned an HTML page ({title}) instead of {Describe(expected)}; {htmlHint}.");
        }

        if (head.IsEmpty)
        {
            throw new DownloadException(url, $"{url}: the server returned an empty body instead of {Describe(expected)}.");
        }

        bool gzip = head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        ReadOnlySpan<byte> text = SkipPreamble(head);
        bool ok = expected switch
        {
            ExpectedContent.Gzip => gzip,
            ExpectedContent.FastaOrGzip => gzip || (!text.IsEmpty && text[0] == (byte)'>'),
            ExpectedContent.Csv or ExpectedContent.Text => !gzip && !head.Contains((byte)0),
            ExpectedContent.Json => !text.IsEmpty && text[0] is (byte)'{' or (byte)'[',
            _ => true,
        };
        if (!ok)
        {
            throw new DownloadException(url, $"{url}: expected {Describe(expected)} but the response starts with {Preview(head)}.");
        }
    }

    public static string Describe(ExpectedContent content) => content switch
    {
        ExpectedContent.Gzip => "gzip-compressed data",
        ExpectedContent.FastaOrGzip => "a FASTA file (plain or gzip)",
        ExpectedContent.Csv => "CSV data",
        ExpectedContent.Text => "a text file",
        ExpectedContent.Json => "JSON",
        _ => "the data file",
    };

    public static string? Title(ReadOnlySpan<byte> html)
    {
        Match match = TitlePattern().Match(Encoding.UTF8.GetString(html));
        if (!match.Success)
        {
            return null;
        }

        string title = WhiteSpace().Replace(WebUtility.HtmlDecode(match.Groups[1].Value), " ").Trim();
        return title.Length == 0 ? null : title.Length > 120 ? title[..120] + "…" : title;
    }

    private static string Preview(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> start = head[..Math.Min(16, head.Length)];
        bool text = true;
        foreach (byte b in start)
        {
            text &= b is >= 0x20 and <= 0x7e or (byte)'\n' or (byte)'\r' or (byte)'\t';
        }

        return text
            ? $"\"{Encoding.ASCII.GetString(start).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)}\""
            : $"bytes {Convert.ToHexString(start)}";
    }

    private static ReadOnlySpan<byte> SkipPreamble(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xef, 0xbb, 0xbf]))
        {
            head = head[3..];
        }

        return head.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
