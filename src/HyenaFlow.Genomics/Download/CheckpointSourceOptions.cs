namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Where published HyenaDNA checkpoints are served: the HuggingFace hub, or a mirror (or, in tests, a local
/// server) given by <see cref="BaseVariable"/> that lays files out the same way,
/// <c>&lt;base&gt;/LongSafari/&lt;name&gt;/resolve/main/&lt;file&gt;</c>.
/// </summary>
public sealed record CheckpointSourceOptions
{
    public const string BaseVariable = "HYENAFLOW_CHECKPOINT_BASE_URL";

    public static readonly Uri DefaultBase = new("https://huggingface.co/");

    public Uri Base { get; init; } = DefaultBase;

    public static CheckpointSourceOptions FromEnvironment(Func<string, string?>? read = null) => new()
    {
        Base = SourceUris.FromEnvironment(BaseVariable, DefaultBase, read),
    };
}
