using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>A recurrent mutation shared by lines of one lineage (like KRAS G12C in lung): 1-based, upper-case alleles.</summary>
internal sealed record Hotspot(string Lineage, string Chrom, long Pos, string Ref, string Alt, MutationalProcess Process);

/// <summary>A region AID keeps hitting (like the IG loci and BCL6 in B cells); half of the lymphoid clusters land in one.</summary>
internal sealed record TargetRegion(string Chrom, long Start, long End);

/// <summary>
/// The parameters the synthetic cohort was drawn from: what a classifier could in principle recover.
/// Written to <c>ground_truth.json</c>; documented in Synthesis/README.md.
/// </summary>
internal sealed record GroundTruth(
    long Seed,
    double Signal,
    IReadOnlyDictionary<MutationType, double> TypeMix,
    double IndelLengthExponent,
    int MaxIndelLength,
    (int Min, int Max) AidClusterSize,
    (int Min, int Max) AidClusterSpan,
    double AidTargetRegionShare,
    double HotspotInclusion,
    IReadOnlyList<TargetRegion> AidTargetRegions,
    IReadOnlyList<Hotspot> Hotspots)
{
    /// <summary>Variant classes in every line regardless of lineage, so lengths alone say nothing about the class.</summary>
    public static readonly IReadOnlyDictionary<MutationType, double> DefaultTypeMix = new Dictionary<MutationType, double>
    {
        [MutationType.SNP] = 0.874,
        [MutationType.DNP] = 0.020,
        [MutationType.TNP] = 0.005,
        [MutationType.ONP] = 0.001,
        [MutationType.DEL] = 0.055,
        [MutationType.INS] = 0.045,
    };

    /// <summary>Share of a line's SNVs drawn from each process.</summary>
    public IReadOnlyDictionary<MutationalProcess, double> ProcessWeights(SyntheticModel model) => ProcessWeights(model.Lineage, model.IsCancerous);

    public IReadOnlyDictionary<MutationalProcess, double> ProcessWeights(LineageProfile lineage, bool cancerous)
    {
        if (!cancerous)
        {
            return new Dictionary<MutationalProcess, double> { [MutationalProcess.Background] = 1.0 };
        }

        if (lineage == LineageCatalog.Lung)
        {
            return new Dictionary<MutationalProcess, double>
            {
                [MutationalProcess.TobaccoSmoking] = Signal,
                [MutationalProcess.Background] = 1 - Signal,
            };
        }

        if (lineage == LineageCatalog.Lymphoid)
        {
            return new Dictionary<MutationalProcess, double>
            {
                [MutationalProcess.CpgDeamination] = 0.6 * Signal,
                [MutationalProcess.AidClustered] = 0.4 * Signal,
                [MutationalProcess.Background] = 1 - Signal,
            };
        }

        // Other lineages: ageing plus background, fixed, so they neither look like lung nor carry AID clusters.
        return new Dictionary<MutationalProcess, double>
        {
            [MutationalProcess.CpgDeamination] = 0.3,
            [MutationalProcess.Background] = 0.7,
        };
    }
}
