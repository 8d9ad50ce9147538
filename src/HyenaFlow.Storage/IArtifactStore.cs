namespace HyenaFlow.Storage;

/// <summary>
/// Where stage outputs live between stages and runs. Writes are atomic (nothing partial is ever
/// visible) and reads verify integrity, so a crash or a corrupt blob never passes for an artifact.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores a file or a whole directory and returns its reference; storing known content again is cheap.</summary>
    Task<ArtifactRef> PutAsync(string localPath, CancellationToken cancellationToken = default);

    /// <summary>Writes the artifact to <paramref name="localPath"/> (file or directory), verified, appearing there only when complete.</summary>
    Task MaterializeAsync(ArtifactRef artifact, string localPath, CancellationToken cancellationToken = default);

    /// <summary>True when every blob of the artifact is present.</summary>
    Task<bool> ContainsAsync(ArtifactRef artifact, CancellationToken cancellationToken = default);
}
