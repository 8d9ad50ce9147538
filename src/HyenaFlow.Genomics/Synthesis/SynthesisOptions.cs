namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Everything that shapes generated data. Start from <see cref="For"/> and adjust with <c>with { … }</c>;
/// the same options and seed always give byte-identical files.
/// </summary>
public sealed record SynthesisOptions
{
    public SynthesisProfile Profile { get; init; } = SynthesisProfile.Demo;

    public long Seed { get; init; } = 42;

    /// <summary>Share of a cancer line's SNVs drawn from its lineage's mutational process (the rest is uniform background); 0 = no signal, 1 = all signal.</summary>
    public double Signal { get; init; } = 0.7;

    /// <summary>Autosomes chr1…chrN generated (1–22).</summary>
    public int AutosomeCount { get; init; } = 3;

    /// <summary>Mean autosome length; each autosome keeps its GRCh38 length ratio to the others.</summary>
    public long MeanAutosomeLength { get; init; } = 2_000_000;

    /// <summary>chrX and chrY are scaled by this factor relative to the autosomes' scale (they are kept smaller).</summary>
    public double SexChromosomeScale { get; init; } = 0.5;

    public int LungLines { get; init; } = 40;

    public int LymphoidLines { get; init; } = 40;

    /// <summary>Non-Cancerous lines added to Lung and to Lymphoid each (DepMap has such normal lines in both).</summary>
    public int NonCancerousLinesPerLineage { get; init; } = 3;

    /// <summary>Lines of other lineages (Breast, Skin, CNS/Brain, Bowel, …).</summary>
    public int OtherLines { get; init; } = 15;

    public MutationCountDistribution LungCounts { get; init; } = new(21, 66, 80, 321);

    public MutationCountDistribution LymphoidCounts { get; init; } = new(15, 54, 94, 948);

    public MutationCountDistribution OtherCounts { get; init; } = new(10, 40, 60, 500);

    public MutationCountDistribution NonCancerousCounts { get; init; } = new(5, 15, 18, 40);

    /// <summary>
    /// Each class keeps at least this many cancerous lines whose count exceeds the aggregated Lung+Lymphoid median
    /// (the thesis's filter), whether counted before or after cleaning; counts are redrawn until it holds.
    /// </summary>
    public int MinimumLinesAboveMedian { get; init; } = 18;

    /// <summary>Exact duplicate rows planted for cleaning to remove.</summary>
    public int DuplicateRows { get; init; } = 6;

    /// <summary>"Complex" rows (Ref and Alt differ beyond the anchor) planted for cleaning to report and skip.</summary>
    public int ComplexRows { get; init; } = 3;

    /// <summary>Options of a profile: demo ≈ 3 × 2 Mbp and ~100 lines with ~10× fewer mutations; small ≈ 22 × 1 Mbp and the thesis's cohort.</summary>
    public static SynthesisOptions For(SynthesisProfile profile, long seed = 42) => profile switch
    {
        SynthesisProfile.Demo => new SynthesisOptions { Profile = profile, Seed = seed },
        SynthesisProfile.Small => new SynthesisOptions
        {
            Profile = profile,
            Seed = seed,
            AutosomeCount = 22,
            MeanAutosomeLength = 1_000_000,
            LungLines = 222,
            LymphoidLines = 202,
            NonCancerousLinesPerLineage = 8,
            OtherLines = 100,
            LungCounts = new(214, 676, 809, 3214),
            LymphoidCounts = new(152, 485, 843, 9479),
            OtherCounts = new(100, 400, 600, 5000),
            NonCancerousCounts = new(30, 120, 150, 400),
            DuplicateRows = 25,
            ComplexRows = 6,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown synthesis profile."),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Signal is < 0 or > 1 || double.IsNaN(Signal))
        {
            throw new ArgumentException($"Signal must lie in [0, 1], got {Signal}.");
        }

        if (AutosomeCount is < 1 or > 22)
        {
            throw new ArgumentException($"AutosomeCount must lie in 1–22, got {AutosomeCount}.");
        }

        if (MeanAutosomeLength < 200_000)
        {
            throw new ArgumentException($"MeanAutosomeLength must be at least 200,000 bp (telomere and centromere gaps need room), got {MeanAutosomeLength:N0}.");
        }

        if (SexChromosomeScale is <= 0 or > 1)
        {
            throw new ArgumentException($"SexChromosomeScale must lie in (0, 1], got {SexChromosomeScale}.");
        }

        if (LungLines < 2 || LymphoidLines < 2 || NonCancerousLinesPerLineage < 0 || OtherLines < 0)
        {
            throw new ArgumentException("Need at least 2 Lung and 2 Lymphoid lines and no negative line counts.");
        }

        if (MinimumLinesAboveMedian < 0 || MinimumLinesAboveMedian > Math.Min(LungLines, LymphoidLines) / 2)
        {
            throw new ArgumentException($"MinimumLinesAboveMedian must lie in 0–{Math.Min(LungLines, LymphoidLines) / 2} (half the smaller class), got {MinimumLinesAboveMedian}.");
        }

        if (DuplicateRows < 0 || ComplexRows < 0)
        {
            throw new ArgumentException("DuplicateRows and ComplexRows cannot be negative.");
        }

        LungCounts.Validate(nameof(LungCounts));
        LymphoidCounts.Validate(nameof(LymphoidCounts));
        OtherCounts.Validate(nameof(OtherCounts));
        NonCancerousCounts.Validate(nameof(NonCancerousCounts));
    }
}
