namespace HyenaFlow.Genomics.Tests.Genome;

/// <summary>Seeded random test sequences shaped like a reference: N runs at both ends and inside, soft-masked stretches.</summary>
public static class SyntheticSequences
{
    /// <summary>Upper-case A/C/G/T with N runs of random length at the start, the end and <paramref name="innerRuns"/> places inside.</summary>
    public static byte[] WithNRuns(Random random, int length, int innerRuns = 5)
    {
        ReadOnlySpan<byte> letters = "ACGT"u8;
        var bases = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bases[i] = letters[random.Next(4)];
        }

        void Run(int from, int count) => bases.AsSpan(from, Math.Min(count, length - from)).Fill((byte)'N');
        if (length > 20)
        {
            Run(0, random.Next(1, Math.Min(200, length / 10)));
            int tail = random.Next(1, Math.Min(200, length / 10));
            Run(length - tail, tail);
            for (int r = 0; r < innerRuns; r++)
            {
                Run(random.Next(length), random.Next(1, 300));
            }
        }

        return bases;
    }

    /// <summary>The same bases with random stretches in lower case (soft-masked repeats).</summary>
    public static byte[] SoftMasked(Random random, byte[] upper, int stretches = 10)
    {
        byte[] masked = (byte[])upper.Clone();
        for (int s = 0; s < stretches && masked.Length > 0; s++)
        {
            int from = random.Next(masked.Length);
            int to = Math.Min(masked.Length, from + random.Next(1, 500));
            for (int i = from; i < to; i++)
            {
                masked[i] = (byte)char.ToLowerInvariant((char)masked[i]);
            }
        }

        return masked;
    }
}
