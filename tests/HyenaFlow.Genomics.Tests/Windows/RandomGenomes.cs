using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>Random references (with N runs) and random, dense mutation lists whose Ref matches the reference.</summary>
internal static class RandomGenomes
{
    private const string Bases = "ACGT";

    public static byte[] Sequence(Random random, int length, double nRunsPerKb = 1)
    {
        var bases = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bases[i] = (byte)Bases[random.Next(4)];
        }

        int runs = (int)(length / 1000.0 * nRunsPerKb) + (random.NextDouble() < nRunsPerKb ? 1 : 0);
        for (int r = 0; r < runs; r++)
        {
            int start = random.Next(length);
            int runLength = random.Next(1, 40);
            bases.AsSpan(start, Math.Min(runLength, length - start)).Fill((byte)'N');
        }

        return bases;
    }

    public static InMemoryGenome Genome(params (string Name, byte[] Bases)[] chromosomes) =>
        new(chromosomes.Select(c => KeyValuePair.Create(c.Name, c.Bases)));

    /// <summary>
    /// <paramref name="count"/> mutations at uniform positions: SNP 40%, DNP/TNP/ONP 5% each, INS 20%, DEL 25%,
    /// indels of 1 … <paramref name="maxIndel"/> bases; sorted by position.
    /// </summary>
    public static List<Mutation> Mutations(Random random, string line, string chrom, byte[] bases, int count, int maxIndel)
    {
        var list = new List<Mutation>(count);
        while (list.Count < count)
        {
            int pos = random.Next(1, bases.Length + 1);
            int roll = random.Next(100);
            Mutation? m = roll switch
            {
                < 40 => Substitution(random, line, chrom, bases, pos, 1, MutationType.SNP),
                < 45 => Substitution(random, line, chrom, bases, pos, 2, MutationType.DNP),
                < 50 => Substitution(random, line, chrom, bases, pos, 3, MutationType.TNP),
                < 55 => Substitution(random, line, chrom, bases, pos, random.Next(4, 9), MutationType.ONP),
                < 75 => Insertion(random, line, chrom, bases, pos, random.Next(1, maxIndel + 1)),
                _ => Deletion(line, chrom, bases, pos, random.Next(1, maxIndel + 1)),
            };
            if (m is not null)
            {
                list.Add(m);
            }
        }

        return [.. list.OrderBy(m => m.Pos)];
    }

    public static Mutation? Substitution(Random random, string line, string chrom, byte[] bases, int pos, int length, MutationType type)
    {
        if (pos + length - 1 > bases.Length)
        {
            return null;
        }

        string reference = Text(bases, pos, length);
        var alt = new char[length];
        for (int i = 0; i < length; i++)
        {
            do
            {
                alt[i] = Bases[random.Next(4)];
            }
            while (alt[i] == reference[i]);
        }

        return new Mutation(line, chrom, pos, reference, new string(alt), type);
    }

    public static Mutation Insertion(Random random, string line, string chrom, byte[] bases, int pos, int inserted)
    {
        string anchor = Text(bases, pos, 1);
        var extra = new char[inserted];
        for (int i = 0; i < inserted; i++)
        {
            extra[i] = Bases[random.Next(4)];
        }

        return new Mutation(line, chrom, pos, anchor, anchor + new string(extra), MutationType.INS);
    }

    public static Mutation? Deletion(string line, string chrom, byte[] bases, int pos, int deleted)
    {
        if (pos + deleted > bases.Length)
        {
            return null;
        }

        string reference = Text(bases, pos, deleted + 1);
        return new Mutation(line, chrom, pos, reference, reference[..1], MutationType.DEL);
    }

    public static string Text(byte[] bases, long pos, int length) =>
        System.Text.Encoding.ASCII.GetString(bases, (int)(pos - 1), length);
}
