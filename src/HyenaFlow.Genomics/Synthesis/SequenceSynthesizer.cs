namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Builds reference-like sequences: isochore-like GC regions with CpG depletion, soft-masked repeat copies,
/// telomere and centromere N gaps, a 100-N gap of unknown size, and a handful of IUPAC ambiguity codes.
/// </summary>
internal sealed class SequenceSynthesizer(IReadOnlyList<RepeatFamily> repeats)
{
    public const int TelomereGap = 10_000;
    public const int UnknownSizeGap = 100;
    public const double MeanGc = 0.41;
    public const double CpgFactor = 0.14;

    private static readonly byte[] IupacCodes = "RYKMSWRYKMSWBDHV"u8.ToArray();

    public byte[] Chromosome(long length, bool heterochromaticArm, SeededRandom random)
    {
        var bases = new byte[checked((int)length)];
        FillIsochores(bases, random);
        OverlayRepeats(bases, random);
        AddTelomeres(bases, random);
        AddCentromere(bases, heterochromaticArm, random);
        int gapAt = PlainPosition(bases, random, UnknownSizeGap);
        bases.AsSpan(gapAt, UnknownSizeGap).Fill((byte)'N');
        SprinkleIupac(bases, 3 + random.Next(4), random);
        return bases;
    }

    public byte[] Scaffold(int length, SeededRandom random)
    {
        var bases = new byte[length];
        FillIsochores(bases, random);
        OverlayRepeats(bases, random);
        return bases;
    }

    /// <summary>Mitochondrion: GC ≈ 44 %, barely masked, and the rCRS's single N at 3107.</summary>
    public static byte[] Mitochondrion(SeededRandom random)
    {
        byte[] bases = BaseComposition.Generate(Grch38Catalog.MitochondrionLength, random, 0.44, 0.5);
        bases[Grch38Catalog.MitochondrionNPosition - 1] = (byte)'N';
        return bases;
    }

    /// <summary>Regions of 50–400 kb each with its own GC level around 41 %, half of them on the reverse strand so C ≈ G.</summary>
    private static void FillIsochores(byte[] bases, SeededRandom random)
    {
        int at = 0;
        while (at < bases.Length)
        {
            int length = (int)Math.Min(bases.Length - at, 50_000 + random.NextExponential(120_000));
            double gc = Math.Clamp(MeanGc + 0.04 * random.NextGaussian(), 0.33, 0.55);
            Span<byte> region = bases.AsSpan(at, length);
            BaseComposition.Fill(region, random, gc, CpgFactor);
            if (random.Chance(0.5))
            {
                BaseComposition.ReverseComplement(region);
            }

            at += length;
        }
    }

    private void OverlayRepeats(byte[] bases, SeededRandom random)
    {
        foreach (RepeatFamily family in repeats)
        {
            int copies = (int)Math.Round(bases.Length * family.GenomeShare / family.MeanCopyLength);
            for (int i = 0; i < copies; i++)
            {
                byte[] copy = MakeCopy(family, random);
                if (copy.Length >= bases.Length)
                {
                    continue;
                }

                int at = random.Next(bases.Length - copy.Length);
                copy.CopyTo(bases, at);
            }
        }
    }

    /// <summary>A diverged, soft-masked copy: substitutions at the copy's divergence, CpG sites five times as often and mostly as transitions.</summary>
    private static byte[] MakeCopy(RepeatFamily family, SeededRandom random)
    {
        byte[] copy = family.Copy switch
        {
            RepeatCopyStyle.Whole => [.. family.Consensus],
            RepeatCopyStyle.FivePrimeTruncated => family.Consensus[^Math.Min(family.Consensus.Length, 150 + (int)random.NextExponential(1_000))..],
            _ => Tandem(family.Consensus, 20 + (int)random.NextExponential(70)),
        };

        double divergence = family.MinDivergence + (family.MaxDivergence - family.MinDivergence) * random.NextDouble();
        for (int i = 0; i < copy.Length; i++)
        {
            bool cpg = (copy[i] == 'C' && i + 1 < copy.Length && copy[i + 1] == 'G') || (copy[i] == 'G' && i > 0 && copy[i - 1] == 'C');
            double rate = cpg ? Math.Min(0.9, 5 * divergence) : divergence;
            if (random.Chance(rate))
            {
                copy[i] = cpg && random.Chance(0.8) ? (copy[i] == 'C' ? (byte)'T' : (byte)'A') : OtherBase(copy[i], random);
            }
        }

        if (random.Chance(0.5))
        {
            BaseComposition.ReverseComplement(copy);
        }

        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = BaseComposition.Lower(copy[i]);
        }

        return copy;
    }

    private static byte[] Tandem(byte[] unit, int length)
    {
        var run = new byte[length];
        for (int i = 0; i < length; i++)
        {
            run[i] = unit[i % unit.Length];
        }

        return run;
    }

    /// <summary>10 kb of N at each end, then a few kb of soft-masked telomeric repeat, as the real chromosome arms begin and end.</summary>
    private static void AddTelomeres(byte[] bases, SeededRandom random)
    {
        bases.AsSpan(0, TelomereGap).Fill((byte)'N');
        bases.AsSpan(bases.Length - TelomereGap).Fill((byte)'N');
        byte[] start = Tandem("ccctaa"u8.ToArray(), 600 + random.Next(2_400));
        byte[] end = Tandem("ttaggg"u8.ToArray(), 600 + random.Next(2_400));
        start.CopyTo(bases, TelomereGap);
        end.CopyTo(bases, bases.Length - TelomereGap - end.Length);
    }

    /// <summary>
    /// A centromere-like N gap at 35–45 % of the length flanked by soft-masked 171-bp alpha-satellite-like arrays;
    /// on chrY the gap continues over most of the long arm, as Yq12 heterochromatin does in GRCh38.
    /// </summary>
    private static void AddCentromere(byte[] bases, bool heterochromaticArm, SeededRandom random)
    {
        int length = bases.Length;
        int gap = heterochromaticArm ? (int)(length * 0.30) : Math.Max(5_000, (int)(length * 0.03));
        int start = (int)(length * (0.35 + 0.10 * random.NextDouble()));
        gap = Math.Min(gap, length - TelomereGap - 10_000 - start);
        int flank = Math.Max(1_000, length / 100);
        byte[] monomer = BaseComposition.Generate(171, random, 0.38, 0.5);
        foreach (int at in new[] { start - flank, start + gap })
        {
            for (int i = 0; i < flank; i++)
            {
                byte b = monomer[i % monomer.Length];
                bases[at + i] = BaseComposition.Lower(random.Chance(0.03) ? OtherBase(b, random) : b);
            }
        }

        bases.AsSpan(start, gap).Fill((byte)'N');
    }

    private static void SprinkleIupac(byte[] bases, int count, SeededRandom random)
    {
        for (int i = 0; i < count; i++)
        {
            bases[PlainPosition(bases, random, 1)] = IupacCodes[random.Next(IupacCodes.Length)];
        }
    }

    /// <summary>A random start whose <paramref name="span"/> bases are all plain A/C/G/T (any case).</summary>
    private static int PlainPosition(byte[] bases, SeededRandom random, int span)
    {
        while (true)
        {
            int at = random.Next(bases.Length - span);
            if (bases.AsSpan(at, span).IndexOfAnyExcept("ACGTacgt"u8) < 0)
            {
                return at;
            }
        }
    }

    private static byte OtherBase(byte b, SeededRandom random)
    {
        ReadOnlySpan<byte> all = "ACGT"u8;
        byte upper = BaseComposition.Upper(b);
        byte pick;
        do
        {
            pick = all[random.Next(4)];
        }
        while (pick == upper);
        return pick;
    }
}
