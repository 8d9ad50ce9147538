namespace HyenaFlow.Storage.Local;

/// <summary>
/// A store in a local folder: blob <c>abcdef…</c> lives at <c>root/sha256/ab/cdef…</c>. Blobs are written to
/// <c>root/tmp/</c> and renamed into place (same file system, so the rename is atomic) only once their content
/// hashed to their name; every read hashes again, so a corrupt file is reported rather than used.
/// </summary>
public sealed class LocalArtifactStore : ContentAddressedStore
{
    private const int BufferSize = 1 << 16;

    public LocalArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    protected override string Location => $"local store '{Root}'";

    /// <summary>Where the blob with this digest is (or would be) kept.</summary>
    public string BlobPath(string digest)
    {
        Sha256Digest.Require(digest, "blob digest");
        return Path.Combine(Root, "sha256", digest[..2], digest[2..]);
    }

    protected override Task<bool> HasBlobAsync(string digest, long length, CancellationToken cancellationToken)
    {
        var blob = new FileInfo(BlobPath(digest));
        return Task.FromResult(blob.Exists && blob.Length == length);
    }

    protected override async Task WriteBlobAsync(Stream content, string digest, long length, CancellationToken cancellationToken)
    {
        var final = BlobPath(digest);
        var staging = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = Path.Combine(staging, $"{digest}.{Guid.NewGuid():N}");
        try
        {
            string written;
            long writtenLength;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                (written, writtenLength) = await Sha256Digest.CopyHashingAsync(content, file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            if (written != digest || writtenLength != length)
            {
                throw new IOException($"Content stored as sha256:{digest} ({length} bytes) changed while being written: it now hashes to {written} ({writtenLength} bytes).");
            }

            // Overwrite: an existing file of another length is a damaged copy of the same content.
            File.Move(temp, final, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    protected override async Task ReadBlobAsync(string digest, long length, Stream destination, CancellationToken cancellationToken)
    {
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Artifact blob sha256:{digest} is not in {Location}.", path);
        }

        await using var blob = Sha256Digest.OpenSequential(path);
        var (actual, actualLength) = await Sha256Digest.CopyHashingAsync(blob, destination, cancellationToken);
        if (actual != digest || actualLength != length)
        {
            throw Corrupt(digest, actual, actualLength);
        }
    }
}
