namespace HyenaFlow.Genomics.Download;

/// <summary>A published checkpoint's folder: <c>config.json</c> and <c>weights.ckpt</c> side by side.</summary>
/// <param name="Name">The repository name (<c>hyenadna-tiny-1k-seqlen</c>) or, for an address, its last folder name.</param>
/// <param name="Folder">The address the two files are fetched from, with a trailing slash.</param>
public sealed record CheckpointSource(string Name, Uri Folder)
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "weights.ckpt";

    public Uri ConfigUrl => new(Folder, ConfigFile);

    public Uri WeightsUrl => new(Folder, WeightsFile);
}
