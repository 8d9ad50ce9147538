using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HyenaFlow.Genomics.Fasta;

namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// Packs one sequence as it streams in: 2 bits per base written straight to the store, N (and IUPAC) positions
/// as sorted runs. Holds only a small buffer, never the sequence.
/// </summary>
/// <remarks>
/// The 2-bit code is bits 1–2 of the ASCII letter (A 0, C 1, T 2, G 3, either case), so stretches of plain bases
/// (the bulk of a genome, found with a vectorised search) pack eight at a time with shifts and no table.
/// </remarks>
internal sealed class SequencePacker
{
    private const int CountFlushBytes = 8192; // 4 · 8192 < 65536: the 16-bit lanes of the packed-byte counts cannot overflow

    private static readonly SearchValues<byte> PlainBases = SearchValues.Create("ACGTacgt"u8);
    private static readonly SearchValues<byte> UnknownBases = SearchValues.Create("Nn"u8);
    private static readonly ulong[] CountsPerPackedByte = BuildCountTable();

    private readonly Stream output;
    private readonly byte[] buffer = new byte[1 << 16];
    private readonly List<long> runs = [];
    private readonly long[] codeCounts = new long[4];
    private long nCount;
    private long iupacCount;
    private int filled;
    private long length;
    private uint pending;
    private long runStart = -1;

    public SequencePacker(Stream output)
    {
        this.output = output;
    }

    public long Length => length;

    /// <summary>Appends raw sequence text (no newline); returns the index of the first invalid byte, or -1.</summary>
    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Append(ReadOnlySpan<byte> text)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            ReadOnlySpan<byte> rest = text[offset..];
            int plain = rest.IndexOfAnyExcept(PlainBases);
            if (plain < 0)
            {
                plain = rest.Length;
            }

            if (plain > 0)
            {
                if (runStart >= 0)
                {
                    CloseRun(length);
                }

                AppendPlain(rest[..plain]);
                offset += plain;
                rest = rest[plain..];
            }

            int other = rest.IndexOfAny(PlainBases);
            int bad = AppendOther(other < 0 ? rest : rest[..other]);
            if (bad >= 0)
            {
                return offset + bad;
            }

            offset += other < 0 ? rest.Length : other;
        }

        return -1;
    }

    /// <summary>Writes what is left of the packed bases; returns the runs (flat start, end pairs, 0-based half-open) and the counts.</summary>
    public (List<long> Runs, BaseCounts Counts) Finish()
    {
        if (runStart >= 0)
        {
            CloseRun(length);
        }

        if ((length & 3) != 0)
        {
            MakeRoom(1);
            buffer[filled++] = (byte)pending;
        }

        output.Write(buffer, 0, filled);
        filled = 0;
        pending = 0;
        return (runs, new BaseCounts(codeCounts[0], codeCounts[1], codeCounts[3], codeCounts[2], nCount + iupacCount, iupacCount));
    }

    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendPlain(ReadOnlySpan<byte> bases)
    {
        int i = 0;
        while (i < bases.Length && (length & 3) != 0)
        {
            Push((uint)(bases[i++] >> 1) & 3);
        }

        if (BitConverter.IsLittleEndian)
        {
            ref byte source = ref MemoryMarshal.GetReference(bases);
            ulong lanes = 0;
            int sinceFlush = 0;
            while (i + 8 <= bases.Length)
            {
                ulong codes = (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i)) >> 1) & 0x0303030303030303UL;
                ulong t = codes | (codes >> 6);
                ulong u = t | (t >> 12);
                byte low = (byte)u, high = (byte)(u >> 32);
                MakeRoom(2);
                buffer[filled] = low;
                buffer[filled + 1] = high;
                filled += 2;
                lanes += CountsPerPackedByte[low] + CountsPerPackedByte[high];
                i += 8;
                length += 8;
                if (++sinceFlush == CountFlushBytes / 2)
                {
                    AddLanes(lanes);
                    lanes = 0;
                    sinceFlush = 0;
                }
            }

            AddLanes(lanes);
        }

        while (i < bases.Length)
        {
            Push((uint)(bases[i++] >> 1) & 3);
        }
    }

    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AppendOther(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> classes = BaseCodes.Classes;
        for (int i = 0; i < text.Length; i++)
        {
            switch (classes[text[i]])
            {
                case BaseCodes.Ignored:
                    continue;
                case BaseCodes.N:
                    // Gaps are long (telomeres, centromeres: megabases), so a run of N is packed in bulk.
                    int run = text[i..].IndexOfAnyExcept(UnknownBases);
                    run = run < 0 ? text.Length - i : run;
                    if (runStart < 0)
                    {
                        runStart = length;
                    }

                    nCount += run;
                    PushZeros(run);
                    i += run - 1;
                    continue;
                case BaseCodes.Iupac:
                    iupacCount++;
                    break;
                default:
                    return i;
            }

            if (runStart < 0)
            {
                runStart = length;
            }

            // the packed bits under an N run are never read; code 0 keeps them deterministic
            PushCodeOnly(0);
        }

        return -1;
    }

    private void Push(uint code)
    {
        codeCounts[code]++;
        PushCodeOnly(code);
    }

    private void PushCodeOnly(uint code)
    {
        int shift = (int)(length & 3) << 1;
        pending |= code << shift;
        length++;
        if (shift == 6)
        {
            MakeRoom(1);
            buffer[filled++] = (byte)pending;
            pending = 0;
        }
    }

    // The packed bits under an N run are never read; code 0 keeps them deterministic.
    private void PushZeros(long count)
    {
        while (count > 0 && (length & 3) != 0)
        {
            PushCodeOnly(0);
            count--;
        }

        while (count >= 4)
        {
            // Aligned here, so nothing is pending: whole zero bytes go straight into the buffer.
            int bytes = (int)Math.Min(count / 4, buffer.Length);
            MakeRoom(bytes);
            buffer.AsSpan(filled, bytes).Clear();
            filled += bytes;
            length += 4L * bytes;
            count -= 4L * bytes;
        }

        while (count-- > 0)
        {
            PushCodeOnly(0);
        }
    }

    private void MakeRoom(int bytes)
    {
        if (filled + bytes > buffer.Length)
        {
            output.Write(buffer, 0, filled);
            filled = 0;
        }
    }

    private void AddLanes(ulong lanes)
    {
        for (int code = 0; code < 4; code++)
        {
            codeCounts[code] += (long)((lanes >> (16 * code)) & 0xFFFF);
        }
    }

    private void CloseRun(long end)
    {
        runs.Add(runStart);
        runs.Add(end);
        runStart = -1;
    }

    // For each packed byte, how many of its four bases have each code, in 16-bit lanes.
    private static ulong[] BuildCountTable()
    {
        var table = new ulong[256];
        for (int b = 0; b < 256; b++)
        {
            for (int k = 0; k < 4; k++)
            {
                table[b] += 1UL << (16 * ((b >> (2 * k)) & 3));
            }
        }

        return table;
    }
}
