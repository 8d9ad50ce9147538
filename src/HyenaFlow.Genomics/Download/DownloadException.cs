namespace HyenaFlow.Genomics.Download;

/// <summary>A download failed for good (after any retries). The message names the URL and what to do.</summary>
public sealed class DownloadException : IOException
{
    public DownloadException(Uri url, string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Url = url;
        StatusCode = statusCode;
    }

    public Uri Url { get; }

    /// <summary>The HTTP status that ended the download, when one did.</summary>
    public int? StatusCode { get; }
}
