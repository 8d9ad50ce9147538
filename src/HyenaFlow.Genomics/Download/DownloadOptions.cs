namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Timeouts and retry policy of <see cref="HttpDownloader"/>. <see cref="Delay"/> is the only clock the
/// retries use, so tests replace it and run without waiting.
/// </summary>
public sealed record DownloadOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the response headers.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest silence while the body streams; a stalled transfer is then resumed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts in a row that make no progress before giving up; an attempt that adds bytes resets the count.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A server's Retry-After is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Seed of the back-off jitter; null draws one.</summary>
    public int? JitterSeed { get; init; }

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (delay, token) => Task.Delay(delay, token);

    /// <summary>Told about each retry (what failed, how long until the next try), so a long wait is never silent.</summary>
    public Action<string>? OnRetry { get; init; }

    public string UserAgent { get; init; } = "HyenaFlow/1.0 (reference and DepMap downloader)";
}
