using HyenaFlow.Storage.Manifests;

namespace HyenaFlow.Storage;

/// <summary>
/// What every store shares: files become blobs named by their sha256, directories become a manifest blob
/// listing their files, and materializing writes into a hidden sibling that is renamed into place only when
/// everything in it is verified. A subclass only moves verified bytes to and from its medium.
/// </summary>
public abstract class ContentAddressedStore : IArtifactStore
{
    /// <summary>Where this store lives, for error messages.</summary>
    protected abstract string Location { get; }

    /// <summary>True when the blob exists with this length (content addressing makes the length check enough to skip a write).</summary>
    protected abstract Task<bool> HasBlobAsync(string digest, long length, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/> (read from its start) under <paramref name="digest"/> atomically, refusing content that does not hash to it.</summary>
    protected abstract Task WriteBlobAsync(Stream content, string digest, long length, CancellationToken cancellationToken);

    /// <summary>Copies the blob into <paramref name="destination"/> (a new file), throwing <see cref="InvalidDataException"/> when it does not hash to its name.</summary>
    protected abstract Task ReadBlobAsync(string digest, long length, Stream destination, CancellationToken cancellationToken);

    public async Task<ArtifactRef> PutAsync(string localPath, CancellationToken cancellationToken = default)
    {
        if (File.Exists(localPath))
        {
            var (digest, length) = await PutFileAsync(localPath, cancellationToken);
            return new ArtifactRef(ArtifactKind.File, digest, length);
        }

        if (!Directory.Exists(localPath))
        {
            throw new FileNotFoundException($"Cannot store '{localPath}': no such file or directory.", localPath);
        }

        var entries = new List<ManifestEntry>();
        foreach (var (relative, full) in FilesUnder(localPath))
        {
            ArtifactPath.Require(relative, $"storing directory '{localPath}'");
            var (digest, length) = await PutFileAsync(full, cancellationToken);
            entries.Add(new ManifestEntry(relative, digest, length));
        }

        var manifest = new ArtifactManifest(entries).ToCanonicalJson();
        var manifestDigest = Sha256Digest.Of(manifest);
        if (!await HasBlobAsync(manifestDigest, manifest.Length, cancellationToken))
        {
            await WriteBlobAsync(new MemoryStream(manifest, writable: false), manifestDigest, manifest.Length, cancellationToken);
        }

        return new ArtifactRef(ArtifactKind.Directory, manifestDigest, manifest.Length);
    }

    public async Task MaterializeAsync(ArtifactRef artifact, string localPath, CancellationToken cancellationToken = default)
    {
        Require(artifact);
        var target = Path.GetFullPath(localPath);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot materialize into '{localPath}': it has no parent folder.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            if (artifact.Kind == ArtifactKind.File)
            {
                await ReadBlobToFileAsync(artifact.Digest, artifact.Length, staging, cancellationToken);
                File.Move(staging, target, overwrite: true);
                return;
            }

            if (Directory.Exists(target) || File.Exists(target))
            {
                throw new IOException($"Cannot materialize directory artifact sha256:{artifact.Digest} into '{target}': it already exists.");
            }

            var manifest = await ReadManifestAsync(artifact, cancellationToken);
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files)
            {
                var destination = ArtifactPath.Under(staging, file.Path, $"manifest sha256:{artifact.Digest}");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                await ReadBlobToFileAsync(file.Digest, file.Length, destination, cancellationToken);
            }

            Directory.Move(staging, target);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    public async Task<bool> ContainsAsync(ArtifactRef artifact, CancellationToken cancellationToken = default)
    {
        Require(artifact);
        if (!await HasBlobAsync(artifact.Digest, artifact.Length, cancellationToken))
        {
            return false;
        }

        if (artifact.Kind == ArtifactKind.File)
        {
            return true;
        }

        ArtifactManifest manifest;
        try
        {
            manifest = await ReadManifestAsync(artifact, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return false;
        }

        foreach (var file in manifest.Files)
        {
            if (!await HasBlobAsync(file.Digest, file.Length, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The verified manifest of a directory artifact.</summary>
    public async Task<ArtifactManifest> ReadManifestAsync(ArtifactRef directory, CancellationToken cancellationToken = default)
    {
        Require(directory);
        if (directory.Kind != ArtifactKind.Directory)
        {
            throw new ArgumentException($"sha256:{directory.Digest} is a file artifact, not a directory.", nameof(directory));
        }

        using var buffer = new MemoryStream();
        await ReadBlobAsync(directory.Digest, directory.Length, buffer, cancellationToken);
        return ArtifactManifest.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), $"manifest sha256:{directory.Digest} in {Location}");
    }

    /// <summary>The error for a blob whose content does not hash to its name.</summary>
    protected InvalidDataException Corrupt(string digest, string actualDigest, long actualLength) =>
        new($"Artifact blob sha256:{digest} in {Location} is corrupt: its {actualLength} bytes hash to {actualDigest}.");

    private async Task<(string Digest, long Length)> PutFileAsync(string path, CancellationToken cancellationToken)
    {
        var (digest, length) = await Sha256Digest.OfFileAsync(path, cancellationToken);
        if (!await HasBlobAsync(digest, length, cancellationToken))
        {
            await using var content = Sha256Digest.OpenSequential(path);
            await WriteBlobAsync(content, digest, length, cancellationToken);
        }

        return (digest, length);
    }

    private async Task ReadBlobToFileAsync(string digest, long length, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await ReadBlobAsync(digest, length, file, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }

    private static IEnumerable<(string Relative, string Full)> FilesUnder(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(directory, "*", options)
            .Select(full => (Path.GetRelativePath(directory, full).Replace(Path.DirectorySeparatorChar, '/'), full))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);
    }

    private static void Require(ArtifactRef artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        Sha256Digest.Require(artifact.Digest, "artifact digest");
        if (artifact.Length < 0)
        {
            throw new ArgumentException($"Artifact sha256:{artifact.Digest} has a negative length.", nameof(artifact));
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
