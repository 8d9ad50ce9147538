namespace HyenaFlow.Genomics.Synthesis;

/// <summary>A single-base change at a 0-based position, before it becomes a row.</summary>
internal readonly record struct Snv(SyntheticSequence Chromosome, int Pos, byte Alt, MutationalProcess Process);

/// <summary>Where each mutational process puts an SNV and what it changes the base to.</summary>
internal static class ProcessSites
{
    private static ReadOnlySpan<byte> Bases => "ACGT"u8;

    public static Snv Background(SiteFinder sites, SeededRandom random)
    {
        var (chromosome, pos) = sites.Autosomal(random);
        return new Snv(chromosome, pos, OtherBase(SiteFinder.At(chromosome.Bases, pos), random), MutationalProcess.Background);
    }

    /// <summary>Background on a named chromosome (chrX/chrY extras).</summary>
    public static Snv Background(SyntheticSequence chromosome, SeededRandom random)
    {
        var (_, pos) = SiteFinder.On(chromosome, random);
        return new Snv(chromosome, pos, OtherBase(SiteFinder.At(chromosome.Bases, pos), random), MutationalProcess.Background);
    }

    /// <summary>
    /// SBS4-like: C&gt;A on either strand (G&gt;T), accepted with weight 1 at CpG, 0.6 after a C (CC / GG), 0.35 elsewhere —
    /// the same rule read on both strands, so the process has no strand preference.
    /// </summary>
    public static Snv Tobacco(SiteFinder sites, SeededRandom random)
    {
        while (true)
        {
            var (chromosome, pos) = sites.Autosomal(random);
            byte[] b = chromosome.Bases;
            byte at = SiteFinder.At(b, pos);
            if (at is not ((byte)'C' or (byte)'G'))
            {
                continue;
            }

            bool onPlus = at == 'C';
            byte next = SiteFinder.At(b, onPlus ? pos + 1 : pos - 1);
            byte previous = SiteFinder.At(b, onPlus ? pos - 1 : pos + 1);
            double weight = next == (onPlus ? 'G' : 'C') ? 1.0 : previous == at ? 0.6 : 0.35;
            if (random.Chance(weight))
            {
                return new Snv(chromosome, pos, onPlus ? (byte)'A' : (byte)'T', MutationalProcess.TobaccoSmoking);
            }
        }
    }

    /// <summary>SBS1-like: the C of a CpG becomes T, or its partner G becomes A.</summary>
    public static Snv CpgDeamination(SiteFinder sites, SeededRandom random)
    {
        while (true)
        {
            var (chromosome, pos) = sites.Autosomal(random);
            if (SiteFinder.IsCpg(chromosome.Bases, pos))
            {
                byte alt = SiteFinder.At(chromosome.Bases, pos) == 'C' ? (byte)'T' : (byte)'A';
                return new Snv(chromosome, pos, alt, MutationalProcess.CpgDeamination);
            }
        }
    }

    /// <summary>
    /// An AID-like kataegis cluster: <paramref name="size"/> distinct WRCY/RGYW sites inside one stretch of a few kb,
    /// centred in a recurrent target region with probability <see cref="GroundTruth.AidTargetRegionShare"/>.
    /// Fewer sites come back only when the stretch holds fewer motifs.
    /// </summary>
    public static List<Snv> AidCluster(SiteFinder sites, SyntheticGenome genome, GroundTruth truth, int size, SeededRandom random)
    {
        for (int attempt = 0; ; attempt++)
        {
            SyntheticSequence chromosome;
            int center;
            if (truth.AidTargetRegions.Count > 0 && random.Chance(truth.AidTargetRegionShare))
            {
                TargetRegion region = random.Pick(truth.AidTargetRegions);
                chromosome = genome[region.Chrom];
                center = (int)(region.Start + random.NextInt64(region.End - region.Start + 1)) - 1;
            }
            else
            {
                (chromosome, center) = sites.Autosomal(random);
            }

            int span = random.Next(truth.AidClusterSpan.Min, truth.AidClusterSpan.Max + 1);
            int start = Math.Max(2, center - span / 2);
            int end = Math.Min(chromosome.Bases.Length - 3, start + span);
            var motifs = new List<int>();
            for (int pos = start; pos < end; pos++)
            {
                if (SiteFinder.IsAidMotif(chromosome.Bases, pos))
                {
                    motifs.Add(pos);
                }
            }

            if (motifs.Count < Math.Min(size, 3) && attempt < 100)
            {
                continue;
            }

            random.Shuffle(motifs);
            return motifs.Take(size).Order().Select(pos => new Snv(chromosome, pos, AidAlt(SiteFinder.At(chromosome.Bases, pos), random), MutationalProcess.AidClustered)).ToList();
        }
    }

    /// <summary>AID deaminates C (read G on the other strand): mostly transitions, then transversions after uracil excision.</summary>
    public static byte AidAlt(byte reference, SeededRandom random)
    {
        double u = random.NextDouble();
        return reference == 'C'
            ? (u < 0.6 ? (byte)'T' : u < 0.9 ? (byte)'G' : (byte)'A')
            : (u < 0.6 ? (byte)'A' : u < 0.9 ? (byte)'C' : (byte)'T');
    }

    public static byte OtherBase(byte reference, SeededRandom random)
    {
        byte pick;
        do
        {
            pick = Bases[random.Next(4)];
        }
        while (pick == reference);
        return pick;
    }

    public static byte AnyBase(SeededRandom random) => Bases[random.Next(4)];
}
