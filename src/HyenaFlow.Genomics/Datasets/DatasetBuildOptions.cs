namespace HyenaFlow.Genomics.Datasets;

/// <summary>Choices of a dataset build beyond genome, selection, L and seed.</summary>
public sealed record DatasetBuildOptions
{
    /// <summary>Give N its own token (11) instead of the thesis's [UNK].</summary>
    public bool KeepN { get; init; }

    /// <summary>Also write the held-out embedding lines as an <c>embedding</c> split.</summary>
    public bool IncludeEmbedding { get; init; }

    /// <summary>Use at most this many of each line's selected mutations (all when null).</summary>
    public int? MaxPerLine { get; init; }

    /// <summary>A shard closes after this many rows …</summary>
    public int MaxShardRows { get; init; } = 4096;

    /// <summary>… or before its token matrix would pass this many bytes, whichever comes first.</summary>
    public long MaxShardBytes { get; init; } = 64L << 20;
}
