using System.IO.Compression;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// Makes a truncated gzip file detectable. <see cref="GZipStream"/> reads concatenated members (so BGZF too) but
/// treats a file cut off mid-member as a normal end. The guard appends one extra gzip member holding a marker
/// after the file's last byte: a complete file then decompresses to its text followed by the marker, while a cut
/// one feeds the marker's bytes into the unfinished member and never yields the marker intact.
/// </summary>
internal sealed class GzipEndGuard : IDisposable
{
    private static readonly byte[] Marker = "\n>\u0001HYENAFLOW-END-OF-GZIP-INPUT\u0001\n"u8.ToArray();
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly GZipStream decompressed;
    private readonly byte[] held = new byte[Marker.Length];
    private int heldCount;
    private bool finished;

    public GzipEndGuard(Stream compressedFile)
    {
        decompressed = new GZipStream(new AppendedStream(compressedFile, MarkerMember), CompressionMode.Decompress);
    }

    /// <summary>
    /// Reads decompressed text without the marker into <paramref name="destination"/> (longer than the marker);
    /// throws <see cref="InvalidDataException"/> when the file was cut short or is corrupt.
    /// </summary>
    public int Read(Span<byte> destination)
    {
        if (destination.Length <= Marker.Length)
        {
            throw new ArgumentException($"read into more than {Marker.Length} bytes at a time", nameof(destination));
        }

        while (!finished)
        {
            // The last Marker.Length bytes are always held back: only the end of the stream tells whether they are
            // the marker. Inflating straight into the caller's buffer (after the held bytes) costs no extra copy, and
            // filling at least half of it saves the parser from the small pieces one inflate call returns.
            held.AsSpan(0, heldCount).CopyTo(destination);
            int available = heldCount;
            int read;
            do
            {
                read = decompressed.Read(destination[available..]);
                available += read;
            }
            while (read > 0 && available < destination.Length / 2);
            read = available - heldCount;
            if (read == 0)
            {
                finished = true;
                if (available != Marker.Length || !destination[..available].SequenceEqual(Marker))
                {
                    throw new InvalidDataException("the gzip data ends before its last member is complete: the file is truncated (re-download it)");
                }

                return 0;
            }

            int give = available - Marker.Length;
            if (give <= 0)
            {
                destination[..available].CopyTo(held);
                heldCount = available;
                continue;
            }

            destination.Slice(give, Marker.Length).CopyTo(held);
            heldCount = Marker.Length;
            return give;
        }

        return 0;
    }

    public void Dispose() => decompressed.Dispose();

    private static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    /// <summary>The file's bytes, then the extra ones.</summary>
    private sealed class AppendedStream(Stream first, byte[] then) : Stream
    {
        private int thenRead;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = thenRead == 0 ? first.Read(buffer) : 0;
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            int n = Math.Min(buffer.Length, then.Length - thenRead);
            then.AsSpan(thenRead, n).CopyTo(buffer);
            thenRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
