using System.Security.Cryptography;

namespace HyenaFlow.Genomics.Download;

/// <summary>A sha256 digest, stored as 64 lower-case hex digits (what HuggingFace shows for a large file).</summary>
public sealed record Sha256Checksum : ExpectedChecksum
{
    public Sha256Checksum(string hex)
    {
        if (!IsHex(hex))
        {
            throw new ArgumentException($"'{hex}' is not a sha256 checksum: expected 64 hexadecimal digits.", nameof(hex));
        }

        Hex = hex.ToLowerInvariant();
    }

    public string Hex { get; }

    public override string Algorithm => "sha256";

    public override string Value => Hex;

    public static bool IsHex(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);

    /// <summary>The sha256 of a file, in the form <see cref="Value"/> has.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    internal override IChecksumAccumulator CreateAccumulator() => new Sha256Accumulator();

    private sealed class Sha256Accumulator : IChecksumAccumulator
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

        public string Finish()
        {
            string hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            hash.Dispose();
            return hex;
        }
    }
}
