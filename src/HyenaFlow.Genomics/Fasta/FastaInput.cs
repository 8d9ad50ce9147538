namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// The text of a FASTA file whatever its compression: plain, gzip, or BGZF (gzip members with a block index,
/// as written by <c>bgzip</c>). Knows how far into the file it has read, for progress.
/// </summary>
internal sealed class FastaInput : IDisposable
{
    // The empty block bgzip writes last; its absence means the file was cut short.
    private static readonly byte[] BgzfEndOfFile =
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
        0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private readonly FileStream file;
    private readonly GzipEndGuard? gzip;

    private FastaInput(string path, FileStream file, string compression)
    {
        Path = path;
        this.file = file;
        Compression = compression;
        FileLength = file.Length;
        if (compression != "plain")
        {
            // Inflate runs inline: handing chunks to a second thread cost more than it overlapped on two cores.
            gzip = new GzipEndGuard(file);
        }
    }

    public string Path { get; }

    /// <summary><c>plain</c>, <c>gzip</c> or <c>bgzf</c>.</summary>
    public string Compression { get; }

    public long FileLength { get; }

    /// <summary>Bytes of the file consumed so far (compressed bytes for gzip).</summary>
    public long FilePosition => file.Position;

    public static FastaInput Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            if (file.Length == 0)
            {
                throw new DataFormatException(path, null, "the file is empty; expected FASTA records ('>name' lines followed by sequence).");
            }

            Span<byte> head = stackalloc byte[18];
            int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            string compression = read >= 2 && head[0] == 0x1f && head[1] == 0x8b
                ? (IsBgzfHeader(head[..read]) ? "bgzf" : "gzip")
                : "plain";
            if (compression == "bgzf" && !EndsWithBgzfEndOfFile(file))
            {
                throw new DataFormatException(path, null, "the BGZF file lacks its end-of-file block: it is truncated (re-download it).");
            }

            return new FastaInput(path, file, compression);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads decompressed text; throws <see cref="InvalidDataException"/> for corrupt or truncated gzip data.</summary>
    public int Read(Span<byte> buffer) => gzip is null ? file.Read(buffer) : gzip.Read(buffer);

    public void Dispose()
    {
        gzip?.Dispose();
        file.Dispose();
    }

    // A gzip member with FEXTRA whose first subfield is 'BC' (the BGZF block size).
    private static bool IsBgzfHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 16 && (head[3] & 0x04) != 0 && head[12] == (byte)'B' && head[13] == (byte)'C';

    private static bool EndsWithBgzfEndOfFile(FileStream file)
    {
        if (file.Length < BgzfEndOfFile.Length)
        {
            return false;
        }

        Span<byte> tail = stackalloc byte[BgzfEndOfFile.Length];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        file.Position = 0;
        return tail.SequenceEqual(BgzfEndOfFile);
    }
}
