using System.Buffers;
using System.IO.Compression;
using System.Text;
using HyenaFlow.Genomics.Genome;

using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// Writes FASTA in the layout <c>samtools faidx</c> prints: a <c>&gt;header</c> line, then the bases in lines of
/// <c>width</c> with a shorter last line, every line ending in '\n'. Files are written atomically, gzip-compressed
/// when asked or when the name ends in <c>.gz</c>.
/// </summary>
public static class FastaWriter
{
    public const int DefaultWidth = 60;

    private const int Chunk = 1 << 16;

    private delegate void Fill(long offset, Span<byte> destination);

    /// <summary>Writes every sequence of <paramref name="genome"/> under its name (the cleaned FASTA that samtools and bcftools read).</summary>
    public static void WriteFile(string path, IReferenceGenome genome, int width = DefaultWidth, bool? gzip = null) =>
        WriteAtomically(path, gzip, stream =>
        {
            foreach (ChromosomeInfo chromosome in genome.Chromosomes)
            {
                WriteRecord(stream, chromosome.Name, genome, chromosome.Name, 0, chromosome.Length, width);
            }
        });

    /// <summary>Writes records whose bases go out verbatim (soft-masked or IUPAC test data survives); headers without the '>'.</summary>
    public static void WriteFile(string path, IEnumerable<(string Header, byte[] Bases)> records, int width = DefaultWidth, bool? gzip = null) =>
        WriteAtomically(path, gzip, stream =>
        {
            foreach (var (header, bases) in records)
            {
                Emit(header, bases.LongLength, width, (offset, destination) => bases.AsSpan((int)offset, destination.Length).CopyTo(destination), (b, n) => stream.Write(b, 0, n));
            }
        });

    /// <inheritdoc cref="WriteFile(string, IEnumerable{ValueTuple{string, byte[]}}, int, bool?)"/>
    public static void WriteFile(string path, IEnumerable<(string Header, string Bases)> records, int width = DefaultWidth, bool? gzip = null) =>
        WriteFile(path, records.Select(r => (r.Header, Encoding.ASCII.GetBytes(r.Bases))), width, gzip);

    /// <summary>One record: <c>&gt;header</c>, then bases [start, start + length) of <paramref name="chrom"/> wrapped at <paramref name="width"/>.</summary>
    public static void WriteRecord(Stream output, string header, IReferenceGenome genome, string chrom, long start, long length, int width = DefaultWidth) =>
        Emit(header, length, width, (offset, destination) => genome.Read(chrom, start + offset, destination), (b, n) => output.Write(b, 0, n));

    /// <inheritdoc cref="WriteRecord(Stream, string, IReferenceGenome, string, long, long, int)"/>
    public static void WriteRecord(TextWriter output, string header, IReferenceGenome genome, string chrom, long start, long length, int width = DefaultWidth)
    {
        char[] chars = ArrayPool<char>.Shared.Rent((2 * Chunk) + 1);
        try
        {
            Emit(header, length, width, (offset, destination) => genome.Read(chrom, start + offset, destination), (b, n) =>
            {
                int count = Encoding.Latin1.GetChars(b, 0, n, chars, 0);
                output.Write(chars, 0, count);
            });
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void Emit(string header, long length, int width, Fill fill, Action<byte[], int> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        byte[] headerBytes = Encoding.UTF8.GetBytes($">{header}\n");
        write(headerBytes, headerBytes.Length);

        // Pooled: samtools-style fetches call this once per region, often thousands of times.
        byte[] bases = ArrayPool<byte>.Shared.Rent(Chunk);
        byte[] lines = ArrayPool<byte>.Shared.Rent((2 * Chunk) + 1);
        try
        {
            EmitLines(length, width, fill, write, bases, lines);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bases);
            ArrayPool<byte>.Shared.Return(lines);
        }
    }

    private static void EmitLines(long length, int width, Fill fill, Action<byte[], int> write, byte[] bases, byte[] lines)
    {
        long column = 0;
        for (long done = 0; done < length;)
        {
            int count = (int)Math.Min(Chunk, length - done);
            fill(done, bases.AsSpan(0, count));
            int used = 0;
            for (int taken = 0; taken < count;)
            {
                int piece = (int)Math.Min(count - taken, width - column);
                bases.AsSpan(taken, piece).CopyTo(lines.AsSpan(used));
                used += piece;
                taken += piece;
                column += piece;
                if (column == width)
                {
                    lines[used++] = (byte)'\n';
                    column = 0;
                }
            }

            write(lines, used);
            done += count;
        }

        if (column > 0)
        {
            write([(byte)'\n'], 1);
        }
    }

    private static void WriteAtomically(string path, bool? gzip, Action<Stream> body) =>
        AtomicFile.Write(path, file =>
        {
            if (gzip ?? path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var compressed = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                body(compressed);
            }
            else
            {
                body(file);
            }
        });
}
