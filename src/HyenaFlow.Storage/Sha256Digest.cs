using System.Security.Cryptography;

namespace HyenaFlow.Storage;

/// <summary>Lower-case hex sha256 digests: the names of everything in a store, so they are validated before use in a path.</summary>
public static class Sha256Digest
{
    public const int HexLength = 64;

    public static bool IsValid(string? digest)
    {
        if (digest is null || digest.Length != HexLength)
        {
            return false;
        }

        foreach (var c in digest)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses anything but 64 lower-case hex digits, since a digest becomes a file or blob name.</summary>
    public static void Require(string digest, string what)
    {
        if (!IsValid(digest))
        {
            throw new ArgumentException($"{what} '{digest}' is not a sha256 digest (64 lower-case hex digits).");
        }
    }

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    public static string Of(ReadOnlySpan<byte> content) => ToHex(SHA256.HashData(content));

    /// <summary>Digest and length of a file's current content.</summary>
    public static async Task<(string Digest, long Length)> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = OpenSequential(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (ToHex(hash), stream.Length);
    }

    internal static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Copies <paramref name="source"/> to its end, returning the digest and length of what passed.</summary>
    internal static async Task<(string Digest, long Length)> CopyHashingAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return (ToHex(hash.GetHashAndReset()), total);
    }
}
