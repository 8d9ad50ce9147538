namespace HyenaFlow.Storage.Blobs;

/// <summary>How <see cref="BlobArtifactStore"/> cuts uploads into blocks and how hard it retries.</summary>
public sealed record BlobStoreOptions
{
    public static BlobStoreOptions Default { get; } = new();

    /// <summary>Bytes per staged block (Azure allows up to 4000 MiB; 4 MiB keeps a retried block cheap).</summary>
    public int BlockSize { get; init; } = 4 << 20;

    /// <summary>Retries the Azure SDK makes inside one request (connection failures, 5xx, throttling).</summary>
    public int SdkRetries { get; init; } = 3;

    /// <summary>First SDK retry delay; it doubles each time.</summary>
    public TimeSpan SdkRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time one request may take before it is abandoned and retried.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Attempts this store makes at each block and at the final commit, each with the SDK's own retries inside.</summary>
    public int BlockAttempts { get; init; } = 5;

    /// <summary>Pause before the second attempt at a block; it doubles for each further attempt.</summary>
    public TimeSpan BlockRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Told the bytes of the current blob staged so far, after each block.</summary>
    public IProgress<long>? BlockStaged { get; init; }
}
