using System.Security.Cryptography;

namespace HyenaFlow.Genomics.Download;

/// <summary>A checksum a source publishes for a file, in whichever algorithm it uses.</summary>
public abstract record ExpectedChecksum
{
    /// <summary>Algorithm name as shown to users: <c>md5</c>, <c>bsd-sum</c>.</summary>
    public abstract string Algorithm { get; }

    /// <summary>The expected value in the same printed form <see cref="IChecksumAccumulator.Finish"/> yields.</summary>
    public abstract string Value { get; }

    public static ExpectedChecksum Md5(string hex) => new Md5Checksum(hex);

    public static ExpectedChecksum BsdSum(int checksum, long blocks) => new BsdSumChecksum(checksum, blocks);

    public static bool IsMd5Hex(string text) => text.Length == 32 && text.All(Uri.IsHexDigit);

    internal abstract IChecksumAccumulator CreateAccumulator();

    public sealed override string ToString() => $"{Algorithm} {Value}";
}

/// <summary>An md5 digest, stored as 32 lower-case hex digits.</summary>
public sealed record Md5Checksum : ExpectedChecksum
{
    public Md5Checksum(string hex)
    {
        if (!IsMd5Hex(hex))
        {
            throw new ArgumentException($"'{hex}' is not an md5 checksum: expected 32 hexadecimal digits.", nameof(hex));
        }

        Hex = hex.ToLowerInvariant();
    }

    public string Hex { get; }

    public override string Algorithm => "md5";

    public override string Value => Hex;

    internal override IChecksumAccumulator CreateAccumulator() => new Md5Accumulator();

    private sealed class Md5Accumulator : IChecksumAccumulator
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

        public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

        public string Finish()
        {
            string hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            hash.Dispose();
            return hex;
        }
    }
}

/// <summary>A BSD <c>sum</c> checksum with its 1 KiB block count, as in Ensembl's CHECKSUMS.</summary>
public sealed record BsdSumChecksum : ExpectedChecksum
{
    public BsdSumChecksum(int checksum, long blocks)
    {
        if (checksum is < 0 or > 0xffff || blocks < 0)
        {
            throw new ArgumentException($"'{checksum} {blocks}' is not a BSD sum: expected a 16-bit checksum and a block count.");
        }

        Checksum = checksum;
        Blocks = blocks;
    }

    public int Checksum { get; }

    public long Blocks { get; }

    public override string Algorithm => "bsd-sum";

    public override string Value => Download.BsdSum.Format(Checksum, Blocks);

    internal override IChecksumAccumulator CreateAccumulator() => new BsdAccumulator();

    private sealed class BsdAccumulator : IChecksumAccumulator
    {
        private readonly BsdSum sum = new();

        public void Append(ReadOnlySpan<byte> data) => sum.Append(data);

        public string Finish() => sum.ToString();
    }
}

/// <summary>Feeds a file through a checksum algorithm in chunks.</summary>
internal interface IChecksumAccumulator
{
    void Append(ReadOnlySpan<byte> data);

    string Finish();
}
