using System.Text;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Draws each model's rows from its plan and the ground truth: the lineage's SNV processes, a lineage-blind mix of
/// MNVs and indels, background rows on chrX/chrY, then planted complex and duplicate rows; sorted by chromosome and position.
/// </summary>
internal sealed class MutationSampler(SyntheticGenome genome, GroundTruth truth, SeededRandom random)
{
    private readonly SiteFinder sites = new(genome);
    private readonly Dictionary<string, int> chromosomeOrder = genome.MutableChromosomes
        .Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>Recurrent target regions and hotspots for a genome: drawn once, shared by all lines.</summary>
    public static GroundTruth PlanGroundTruth(SynthesisOptions options, SyntheticGenome genome, SeededRandom random)
    {
        var sites = new SiteFinder(genome);
        var regions = new List<TargetRegion>();
        for (int i = 0; i < 12; i++)
        {
            var (chromosome, pos) = sites.Autosomal(random);
            long start = Math.Max(1, pos + 1 - 10_000);
            regions.Add(new TargetRegion(chromosome.Name, start, Math.Min(chromosome.Length, start + 19_999)));
        }

        var truth = new GroundTruth(
            options.Seed, options.Signal, GroundTruth.DefaultTypeMix, IndelLengthExponent: 1.6, MaxIndelLength: 20,
            AidClusterSize: (3, 10), AidClusterSpan: (1_000, 4_000), AidTargetRegionShare: 0.5, HotspotInclusion: 0.25 * options.Signal,
            regions.OrderBy(r => r.Chrom, StringComparer.Ordinal).ThenBy(r => r.Start).ToList(), []);
        var hotspots = new List<Hotspot>();
        for (int i = 0; i < 4; i++)
        {
            Snv lung = ProcessSites.Tobacco(sites, random);
            hotspots.Add(ToHotspot(LineageCatalog.Lung.Lineage, lung));
            Snv lymphoid = ProcessSites.AidCluster(sites, genome, truth, 1, random)[0];
            hotspots.Add(ToHotspot(LineageCatalog.Lymphoid.Lineage, lymphoid));
        }

        return truth with { Hotspots = hotspots };
    }

    public List<SyntheticMutation> Sample(LinePlan plan)
    {
        var line = new Line(plan.Model.ModelId);
        SampleAutosomal(plan, line);
        if (plan.OnX > 0)
        {
            SampleBackground(genome["chrX"], plan.OnX, line);
        }

        if (plan.OnY > 0)
        {
            SampleBackground(genome["chrY"], plan.OnY, line);
        }

        for (int i = 0; i < plan.Complex; i++)
        {
            AddComplex(line);
        }

        var rows = line.Rows;
        var autosomal = rows.Where(r => r.Type is not null && chromosomeOrder[r.Chrom] < chromosomeOrder["chrX"]).ToList();
        for (int i = 0; i < plan.Duplicates && autosomal.Count > 0; i++)
        {
            rows.Add(random.Pick(autosomal));
        }

        return rows.OrderBy(r => chromosomeOrder[r.Chrom]).ThenBy(r => r.Pos).ToList();
    }

    private void SampleAutosomal(LinePlan plan, Line line)
    {
        var weights = truth.ProcessWeights(plan.Model);
        MutationalProcess[] processes = [.. weights.Keys];

        // Weights are shares of mutations; one AID draw yields a whole cluster, so it is drawn that much less often.
        double meanCluster = (truth.AidClusterSize.Min + truth.AidClusterSize.Max) / 2.0;
        double[] processWeights = [.. weights.Select(w => w.Key == MutationalProcess.AidClustered ? w.Value / meanCluster : w.Value)];
        MutationType[] types = [.. truth.TypeMix.Keys];
        double[] typeWeights = [.. truth.TypeMix.Values];

        int remaining = plan.Autosomal;
        if (plan.Model.IsClassMember)
        {
            foreach (Hotspot hotspot in truth.Hotspots.Where(h => h.Lineage == plan.Model.Lineage.Lineage))
            {
                if (remaining > 0 && random.Chance(truth.HotspotInclusion) && line.TryAdd(hotspot.Chrom, hotspot.Pos, hotspot.Ref, hotspot.Alt, MutationType.SNP, hotspot.Process))
                {
                    remaining--;
                }
            }
        }

        while (remaining > 0)
        {
            MutationType type = types[random.Pick(typeWeights)];
            if (type != MutationType.SNP)
            {
                remaining -= AddVariant(type, line) ? 1 : 0;
                continue;
            }

            MutationalProcess process = processes[random.Pick(processWeights)];
            List<Snv> snvs = process switch
            {
                MutationalProcess.TobaccoSmoking => [ProcessSites.Tobacco(sites, random)],
                MutationalProcess.CpgDeamination => [ProcessSites.CpgDeamination(sites, random)],
                MutationalProcess.AidClustered => ProcessSites.AidCluster(sites, genome, truth,
                    Math.Min(remaining, random.Next(truth.AidClusterSize.Min, truth.AidClusterSize.Max + 1)), random),
                _ => [ProcessSites.Background(sites, random)],
            };
            foreach (Snv snv in snvs)
            {
                remaining -= line.TryAdd(snv) ? 1 : 0;
            }
        }
    }

    private void SampleBackground(SyntheticSequence chromosome, int count, Line line)
    {
        while (count > 0)
        {
            count -= line.TryAdd(ProcessSites.Background(chromosome, random)) ? 1 : 0;
        }
    }

    /// <summary>An MNV (each base changed), a deletion (anchor + deleted bases) or an insertion (anchor + inserted bases).</summary>
    private bool AddVariant(MutationType type, Line line)
    {
        int length = type switch
        {
            MutationType.DNP => 2,
            MutationType.TNP => 3,
            MutationType.ONP => random.Next(4, 7),
            _ => IndelLength(),
        };
        int span = type == MutationType.DEL ? length + 1 : type == MutationType.INS ? 1 : length;
        var (chromosome, pos) = sites.Autosomal(random, span);
        string reference = Upper(chromosome.Bases, pos, span);
        var alt = new StringBuilder();
        switch (type)
        {
            case MutationType.DEL:
                alt.Append(reference[0]);
                break;
            case MutationType.INS:
                alt.Append(reference);
                for (int i = 0; i < length; i++)
                {
                    alt.Append((char)ProcessSites.AnyBase(random));
                }

                break;
            default:
                foreach (char c in reference)
                {
                    alt.Append((char)ProcessSites.OtherBase((byte)c, random));
                }

                break;
        }

        return line.TryAdd(chromosome.Name, pos + 1, reference, alt.ToString(), type, MutationalProcess.Background);
    }

    /// <summary>Ref and Alt of different lengths whose first bases differ too: neither an indel on an anchor nor an MNV.</summary>
    private void AddComplex(Line line)
    {
        while (true)
        {
            int refLength = random.Next(2, 5);
            var (chromosome, pos) = sites.Autosomal(random, refLength);
            string reference = Upper(chromosome.Bases, pos, refLength);
            int altLength = random.Next(1, 6);
            if (altLength == refLength)
            {
                altLength++;
            }

            var alt = new StringBuilder();
            alt.Append((char)ProcessSites.OtherBase((byte)reference[0], random));
            while (alt.Length < altLength)
            {
                alt.Append((char)ProcessSites.AnyBase(random));
            }

            if (line.TryAdd(chromosome.Name, pos + 1, reference, alt.ToString(), null, MutationalProcess.Background))
            {
                return;
            }
        }
    }

    /// <summary>1–20 bp with P(k) ∝ k^−1.6: half single-base, a long-ish tail.</summary>
    private int IndelLength()
    {
        Span<double> weights = stackalloc double[truth.MaxIndelLength];
        for (int k = 1; k <= weights.Length; k++)
        {
            weights[k - 1] = Math.Pow(k, -truth.IndelLengthExponent);
        }

        return random.Pick(weights) + 1;
    }

    private static string Upper(byte[] bases, int start, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)BaseComposition.Upper(bases[start + i]);
        }

        return new string(chars);
    }

    private static Hotspot ToHotspot(string lineage, Snv snv) =>
        new(lineage, snv.Chromosome.Name, snv.Pos + 1, ((char)SiteFinder.At(snv.Chromosome.Bases, snv.Pos)).ToString(), ((char)snv.Alt).ToString(), snv.Process);

    /// <summary>One line's rows so far; refuses a row whose reference span touches one already taken.</summary>
    private sealed class Line(string modelId)
    {
        private readonly HashSet<(string Chrom, long Pos)> taken = [];

        public List<SyntheticMutation> Rows { get; } = [];

        public bool TryAdd(Snv snv) =>
            TryAdd(snv.Chromosome.Name, snv.Pos + 1, ((char)SiteFinder.At(snv.Chromosome.Bases, snv.Pos)).ToString(), ((char)snv.Alt).ToString(), MutationType.SNP, snv.Process);

        public bool TryAdd(string chrom, long pos, string reference, string alt, MutationType? type, MutationalProcess process)
        {
            for (long p = pos; p < pos + reference.Length; p++)
            {
                if (taken.Contains((chrom, p)))
                {
                    return false;
                }
            }

            for (long p = pos; p < pos + reference.Length; p++)
            {
                taken.Add((chrom, p));
            }

            Rows.Add(new SyntheticMutation(modelId, chrom, pos, reference, alt, type, process));
            return true;
        }
    }
}
