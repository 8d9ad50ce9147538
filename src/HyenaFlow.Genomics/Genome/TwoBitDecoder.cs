using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyenaFlow.Genomics.Genome;

/// <summary>Turns 2-bit packed bases back into ASCII with a 256-entry table (one packed byte → four bases) and overlays N runs.</summary>
internal static class TwoBitDecoder
{
    private static readonly uint[] Quads = BuildQuads();

    /// <summary>Decodes bases [start, start + destination.Length) of a sequence packed from base 0.</summary>
    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> packed, long start, Span<byte> destination)
    {
        ReadOnlySpan<byte> letters = "ACTG"u8;
        int written = 0;
        long position = start;
        while (written < destination.Length && (position & 3) != 0)
        {
            destination[written++] = letters[(packed[(int)(position >> 2)] >> (int)((position & 3) << 1)) & 3];
            position++;
        }

        int wholeBytes = (destination.Length - written) >> 2;
        if (wholeBytes > 0)
        {
            ReadOnlySpan<byte> source = packed.Slice((int)(position >> 2), wholeBytes);
            ref byte target = ref MemoryMarshal.GetReference(destination[written..]);
            uint[] quads = Quads;
            for (int i = 0; i < source.Length; i++)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i << 2), quads[source[i]]);
            }

            written += wholeBytes << 2;
            position += (long)wholeBytes << 2;
        }

        while (written < destination.Length)
        {
            destination[written++] = letters[(packed[(int)(position >> 2)] >> (int)((position & 3) << 1)) & 3];
            position++;
        }
    }

    /// <summary>Writes N over the parts of [start, start + destination.Length) that sorted, disjoint runs cover.</summary>
    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OverlayRuns(ReadOnlySpan<long> runs, long start, Span<byte> destination)
    {
        long end = start + destination.Length;
        int runCount = runs.Length / 2;
        int low = 0, high = runCount;
        while (low < high)
        {
            // first run whose end lies beyond start
            int mid = (low + high) >>> 1;
            if (runs[(mid * 2) + 1] <= start)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (int r = low; r < runCount && runs[r * 2] < end; r++)
        {
            long from = Math.Max(runs[r * 2], start);
            long to = Math.Min(runs[(r * 2) + 1], end);
            destination[(int)(from - start)..(int)(to - start)].Fill((byte)'N');
        }
    }

    private static uint[] BuildQuads()
    {
        ReadOnlySpan<byte> letters = "ACTG"u8;
        var quads = new uint[256];
        Span<byte> four = stackalloc byte[4];
        for (int b = 0; b < 256; b++)
        {
            for (int k = 0; k < 4; k++)
            {
                four[k] = letters[(b >> (2 * k)) & 3];
            }

            quads[b] = MemoryMarshal.Read<uint>(four);
        }

        return quads;
    }
}
