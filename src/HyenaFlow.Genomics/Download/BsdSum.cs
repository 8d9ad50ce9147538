using System.Globalization;

namespace HyenaFlow.Genomics.Download;

/// <summary>
/// The BSD <c>sum</c> checksum (coreutils <c>sum</c>/<c>sum -r</c>), which Ensembl publishes in its
/// CHECKSUMS files instead of md5: a 16-bit checksum rotated right one bit before each byte is
/// added, and the size in 1 KiB blocks rounded up.
/// </summary>
public sealed class BsdSum
{
    public const int BlockSize = 1024;

    private int checksum;

    public int Checksum => checksum;

    public long Bytes { get; private set; }

    public long Blocks => (Bytes + BlockSize - 1) / BlockSize;

    public void Append(ReadOnlySpan<byte> data)
    {
        int c = checksum;
        foreach (byte b in data)
        {
            c = ((c >> 1) | ((c & 1) << 15)) + b;
            c &= 0xffff;
        }

        checksum = c;
        Bytes += data.Length;
    }

    /// <summary>As <c>sum</c> prints it, without the file name: <c>08403 1</c>.</summary>
    public override string ToString() => Format(checksum, Blocks);

    public static string Format(int checksum, long blocks) => string.Create(CultureInfo.InvariantCulture, $"{checksum:D5} {blocks}");

    public static async Task<BsdSum> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var sum = new BsdSum();
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sum.Append(buffer.AsSpan(0, read));
        }

        return sum;
    }
}
