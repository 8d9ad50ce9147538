namespace HyenaFlow.Storage;

/// <summary>A stored file, or a directory stored as a manifest of its files.</summary>
public enum ArtifactKind
{
    File,
    Directory,
}

/// <summary>
/// A content-addressed artifact: <see cref="Digest"/> is the lower-case hex sha256 of the file (for a
/// directory: of its canonical manifest). Equal content gives an equal reference, whoever stored it.
/// </summary>
public sealed record ArtifactRef(ArtifactKind Kind, string Digest, long Length);
