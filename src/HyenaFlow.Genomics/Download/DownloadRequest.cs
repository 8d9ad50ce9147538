namespace HyenaFlow.Genomics.Download;

/// <summary>
/// One file to fetch: from <see cref="Url"/> to <see cref="Destination"/>, verified against
/// <see cref="Checksum"/> when the source publishes one.
/// </summary>
public sealed record DownloadRequest(Uri Url, string Destination)
{
    public const string DefaultHtmlHint = "the portal may require human verification — use the Figshare release instead (e.g. release 24Q4)";

    public ExpectedChecksum? Checksum { get; init; }

    public ExpectedContent Content { get; init; } = ExpectedContent.Data;

    /// <summary>What to tell the user when an HTML page arrives instead of data.</summary>
    public string HtmlHint { get; init; } = DefaultHtmlHint;

    /// <summary>Where bytes accumulate until the checksum passes; the final name appears only then.</summary>
    public string PartialPath => System.IO.Path.GetFullPath(Destination) + ".part";
}
