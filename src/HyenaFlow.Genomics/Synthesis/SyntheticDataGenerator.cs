namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Generates an offline stand-in for GRCh38 + DepMap in the real file formats (genome.fna.gz, md5checksums.txt,
/// OmicsSomaticMutations.csv, Model.csv) with a documented ground truth (ground_truth.json). See Synthesis/README.md.
/// </summary>
public static class SyntheticDataGenerator
{
    public const string GenomeFile = "genome.fna.gz";
    public const string ChecksumsFile = "md5checksums.txt";
    public const string MutationsFile = "OmicsSomaticMutations.csv";
    public const string ModelsFile = "Model.csv";
    public const string GroundTruthFile = "ground_truth.json";

    public static SynthesisSummary Generate(SynthesisOptions options, string outDir, IProgress<ProgressReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        options.Validate();
        Directory.CreateDirectory(outDir);

        SyntheticGenome genome = SyntheticGenome.Generate(options, progress);
        string genomePath = Path.Combine(outDir, GenomeFile);
        NcbiFastaWriter.Write(genomePath, genome.Sequences, progress, genome.TotalBases);
        string checksumsPath = Path.Combine(outDir, ChecksumsFile);
        NcbiFastaWriter.WriteChecksums(checksumsPath, [genomePath]);

        IReadOnlyList<SyntheticModel> models = CohortPlanner.Models(options, SeededRandom.ForStream(options.Seed, "models"));
        IReadOnlyList<LinePlan> plans = CohortPlanner.Counts(models, options, SeededRandom.ForStream(options.Seed, "counts"));
        string modelsPath = Path.Combine(outDir, ModelsFile);
        ModelCsvWriter.Write(modelsPath, models);

        GroundTruth truth = MutationSampler.PlanGroundTruth(options, genome, SeededRandom.ForStream(options.Seed, "ground-truth"));
        var sampler = new MutationSampler(genome, truth, SeededRandom.ForStream(options.Seed, "mutations"));
        long totalRows = plans.Sum(p => (long)p.RawRows);
        var groups = new List<IReadOnlyList<SyntheticMutation>>(plans.Count);
        long sampled = 0;
        foreach (LinePlan plan in plans)
        {
            var rows = sampler.Sample(plan);
            groups.Add(rows);
            sampled += rows.Count;
            progress?.Report(new ProgressReport("sample mutations", sampled, totalRows, "rows"));
        }

        var genes = GeneCatalog.Build(genome, SeededRandom.ForStream(options.Seed, "genes"));
        var hotspots = truth.Hotspots.Select(h => (h.Chrom, h.Pos)).ToHashSet();
        var annotator = new VariantAnnotator(genome, genes, hotspots, SeededRandom.ForStream(options.Seed, "annotation"));
        string mutationsPath = Path.Combine(outDir, MutationsFile);
        SomaticMutationsCsvWriter.Write(mutationsPath, groups, annotator, totalRows, progress);

        string groundTruthPath = Path.Combine(outDir, GroundTruthFile);
        var repeats = RepeatFamily.Library(SeededRandom.ForStream(options.Seed, "repeat-library"));
        GroundTruthWriter.Write(groundTruthPath, options, genome, repeats, truth, plans);

        return new SynthesisSummary(
            genomePath, checksumsPath, mutationsPath, modelsPath, groundTruthPath,
            genome.Sequences.Count, genome.TotalBases, models.Count,
            LungLines: models.Count(m => m.IsClassMember && m.Lineage == LineageCatalog.Lung),
            LymphoidLines: models.Count(m => m.IsClassMember && m.Lineage == LineageCatalog.Lymphoid),
            NonCancerousLines: models.Count(m => !m.IsCancerous),
            OtherLines: models.Count(m => m.IsCancerous && !m.IsClassMember),
            MutationRows: groups.Sum(g => (long)g.Count),
            options.Seed);
    }
}
