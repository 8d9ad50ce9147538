namespace HyenaFlow.Genomics.Download;

/// <summary>A failure worth retrying: dropped connection, timeout, 5xx, 408 or 429.</summary>
internal sealed class TransientFailure(string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;

    /// <summary>How long the server asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
