namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Random positions on the mutable chromosomes and the motif tests the processes use. Positions are 0-based here;
/// a site is only ever returned on plain A/C/G/T (never N or an IUPAC code), flanks included.
/// </summary>
internal sealed class SiteFinder
{
    private readonly SyntheticSequence[] autosomes;
    private readonly long[] cumulative;

    public SiteFinder(SyntheticGenome genome)
    {
        autosomes = genome.Autosomes.ToArray();
        cumulative = new long[autosomes.Length];
        long sum = 0;
        for (int i = 0; i < autosomes.Length; i++)
        {
            sum += autosomes[i].Length;
            cumulative[i] = sum;
        }
    }

    /// <summary>A uniformly random autosomal position whose bases [pos−1, pos+span] are all plain.</summary>
    public (SyntheticSequence Chromosome, int Pos) Autosomal(SeededRandom random, int span = 1)
    {
        while (true)
        {
            long at = random.NextInt64(cumulative[^1]);
            int index = Array.BinarySearch(cumulative, at + 1);
            index = index < 0 ? ~index : index;
            long offset = at - (index == 0 ? 0 : cumulative[index - 1]);
            if (IsPlain(autosomes[index].Bases, (int)offset - 1, span + 2))
            {
                return (autosomes[index], (int)offset);
            }
        }
    }

    public static (SyntheticSequence Chromosome, int Pos) On(SyntheticSequence chromosome, SeededRandom random, int span = 1)
    {
        while (true)
        {
            int at = random.Next(chromosome.Bases.Length);
            if (IsPlain(chromosome.Bases, at - 1, span + 2))
            {
                return (chromosome, at);
            }
        }
    }

    public static bool IsPlain(byte[] bases, int start, int length)
    {
        if (start < 0 || start + length > bases.Length)
        {
            return false;
        }

        return bases.AsSpan(start, length).IndexOfAnyExcept("ACGTacgt"u8) < 0;
    }

    public static byte At(byte[] bases, int pos) => BaseComposition.Upper(bases[pos]);

    /// <summary>The C of a CpG or the G of a CpG.</summary>
    public static bool IsCpg(byte[] bases, int pos) =>
        (At(bases, pos) == 'C' && At(bases, pos + 1) == 'G') || (At(bases, pos) == 'G' && At(bases, pos - 1) == 'C');

    /// <summary>The C of WRCY or the G of its reverse complement RGYW: AID's hotspot motif.</summary>
    public static bool IsAidMotif(byte[] bases, int pos)
    {
        if (pos < 2 || pos + 2 >= bases.Length || !IsPlain(bases, pos - 2, 5))
        {
            return false;
        }

        static bool W(byte b) => b is (byte)'A' or (byte)'T';
        static bool R(byte b) => b is (byte)'A' or (byte)'G';
        static bool Y(byte b) => b is (byte)'C' or (byte)'T';
        byte b0 = At(bases, pos);
        return (b0 == 'C' && W(At(bases, pos - 2)) && R(At(bases, pos - 1)) && Y(At(bases, pos + 1)))
            || (b0 == 'G' && R(At(bases, pos - 1)) && Y(At(bases, pos + 1)) && W(At(bases, pos + 2)));
    }
}
