using System.Text;

namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// The layout of a genome store (<c>.hfg</c>), all little-endian:
/// a 32-byte preamble (magic <c>HFGENOME</c>, version, offset and length of the directory), then per sequence
/// its bases at 2 bits each (base i in bits 2·(i mod 4) of byte i/4; A=0 C=1 T=2 G=3, i.e. bits 1–2 of the ASCII letter) padded to 8 bytes and its
/// N runs as sorted (start, end) int64 pairs, 0-based half-open; then the directory: source file name, selection,
/// and per sequence name, length, offsets, run count and base counts. The directory comes last because the
/// sequence count and sizes are only known once the FASTA has streamed through.
/// </summary>
internal static class GenomeStoreFormat
{
    public const int PreambleSize = 32;
    public const int Version = 1;
    public static ReadOnlySpan<byte> Magic => "HFGENOME"u8;

    public static long PackedSize(long bases) => (bases + 3) / 4;

    public static void WritePreamble(Stream output, long directoryOffset, long directoryLength)
    {
        Span<byte> preamble = stackalloc byte[PreambleSize];
        preamble.Clear();
        Magic.CopyTo(preamble);
        BitConverter.TryWriteBytes(preamble[8..], Version);
        BitConverter.TryWriteBytes(preamble[16..], directoryOffset);
        BitConverter.TryWriteBytes(preamble[24..], directoryLength);
        output.Write(preamble);
    }

    public static void WriteDirectory(Stream output, StoreDirectory directory)
    {
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(directory.SourceFile);
        writer.Write(directory.Selection);
        writer.Write(directory.Sequences.Count);
        foreach (StoredSequence s in directory.Sequences)
        {
            writer.Write(s.Name);
            writer.Write(s.Length);
            writer.Write(s.PackedOffset);
            writer.Write(s.RunsOffset);
            writer.Write(s.RunCount);
            BaseCounts c = s.Counts;
            foreach (long value in (long[])[c.A, c.C, c.G, c.T, c.N, c.Iupac])
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads and checks preamble and directory; every offset is checked against the file length.</summary>
    public static StoreDirectory ReadDirectory(Stream input, string path)
    {
        long fileLength = input.Length;
        Span<byte> preamble = stackalloc byte[PreambleSize];
        if (fileLength < PreambleSize || input.ReadAtLeast(preamble, PreambleSize, throwOnEndOfStream: false) < PreambleSize || !preamble[..8].SequenceEqual(Magic))
        {
            throw new DataFormatException(path, null, "not a HyenaFlow genome store (no HFGENOME magic); create one with 'hyenaflow genome import'.");
        }

        int version = BitConverter.ToInt32(preamble[8..]);
        if (version != Version)
        {
            throw new DataFormatException(path, null, $"genome store version {version} is not supported (expected {Version}); re-import the FASTA.");
        }

        long directoryOffset = BitConverter.ToInt64(preamble[16..]);
        long directoryLength = BitConverter.ToInt64(preamble[24..]);
        if (directoryOffset < PreambleSize || directoryLength <= 0 || directoryOffset + directoryLength != fileLength)
        {
            throw new DataFormatException(path, null, "genome store is truncated or damaged (directory out of bounds); re-import the FASTA.");
        }

        input.Position = directoryOffset;
        try
        {
            using var reader = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
            string source = reader.ReadString();
            string selection = reader.ReadString();
            int count = reader.ReadInt32();
            var sequences = new List<StoredSequence>();
            for (int i = 0; i < count; i++)
            {
                var s = new StoredSequence(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(),
                    new BaseCounts(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64()));
                bool inside = s.Length >= 0 && s.RunCount >= 0
                    && s.PackedOffset >= PreambleSize && s.PackedOffset + PackedSize(s.Length) <= directoryOffset
                    && s.RunsOffset % 8 == 0 && s.RunsOffset >= s.PackedOffset + PackedSize(s.Length) && s.RunsOffset + (s.RunCount * 16) <= directoryOffset;
                if (!inside)
                {
                    throw new DataFormatException(path, null, $"genome store is damaged: sequence '{s.Name}' points outside the file; re-import the FASTA.");
                }

                sequences.Add(s);
            }

            return new StoreDirectory(source, selection, sequences);
        }
        catch (EndOfStreamException e)
        {
            throw new DataFormatException(path, null, "genome store directory is truncated; re-import the FASTA.", e);
        }
    }
}

internal sealed record StoreDirectory(string SourceFile, string Selection, IReadOnlyList<StoredSequence> Sequences);

internal sealed record StoredSequence(string Name, long Length, long PackedOffset, long RunsOffset, long RunCount, BaseCounts Counts);
