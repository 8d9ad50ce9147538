namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// A scaled-down GRCh38 in NCBI RefSeq's record order: each chromosome followed by its unlocalized scaffolds,
/// then unplaced scaffolds, the mitochondrion, an alternate locus and a fix patch.
/// </summary>
internal sealed class SyntheticGenome
{
    private readonly Dictionary<string, SyntheticSequence> byName;

    private SyntheticGenome(IReadOnlyList<SyntheticSequence> sequences)
    {
        Sequences = sequences;
        byName = sequences.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>Every record in file order.</summary>
    public IReadOnlyList<SyntheticSequence> Sequences { get; }

    /// <summary>The chromosomes that may carry mutations: autosomes, then chrX and chrY.</summary>
    public IEnumerable<SyntheticSequence> MutableChromosomes =>
        Sequences.Where(s => s.Role is SequenceRole.Autosome or SequenceRole.SexChromosome);

    public IEnumerable<SyntheticSequence> Autosomes => Sequences.Where(s => s.Role == SequenceRole.Autosome);

    public SyntheticSequence this[string name] => byName[name];

    public long TotalBases => Sequences.Sum(s => s.Length);

    /// <summary>Lengths keep GRCh38's ratios: autosomes scaled to the requested mean, X and Y further by the sex-chromosome scale; never a multiple of 80.</summary>
    internal static IReadOnlyList<(string Accession, string Name, long Length, SequenceRole Role)> PlanChromosomes(SynthesisOptions options)
    {
        var autosomes = Grch38Catalog.Chromosomes.Take(options.AutosomeCount).ToList();
        double scale = options.MeanAutosomeLength * (double)autosomes.Count / autosomes.Sum(c => c.Length);
        var plan = autosomes
            .Select(c => (c.Accession, c.Name, AvoidFullLastLine((long)Math.Round(c.Length * scale)), SequenceRole.Autosome))
            .ToList();
        foreach (var sex in Grch38Catalog.Chromosomes.Skip(22))
        {
            long length = Math.Max(150_000, (long)Math.Round(sex.Length * scale * options.SexChromosomeScale));
            plan.Add((sex.Accession, sex.Name, AvoidFullLastLine(length), SequenceRole.SexChromosome));
        }

        return plan;
    }

    internal static SyntheticGenome Generate(SynthesisOptions options, IProgress<ProgressReport>? progress)
    {
        var plan = PlanChromosomes(options);
        var synthesizer = new SequenceSynthesizer(RepeatFamily.Library(SeededRandom.ForStream(options.Seed, "repeat-library")));
        long total = plan.Sum(p => p.Length) + Grch38Catalog.MitochondrionLength + Grch38Catalog.Scaffolds.Sum(s => s.Length);
        long done = 0;
        var sequences = new List<SyntheticSequence>();
        void Add(SyntheticSequence sequence)
        {
            sequences.Add(sequence);
            done += sequence.Length;
            progress?.Report(new ProgressReport("genome", done, total, "bp"));
        }

        void AddScaffoldsAfter(string record)
        {
            foreach (var s in Grch38Catalog.Scaffolds.Where(s => s.After == record))
            {
                Add(new SyntheticSequence($"{s.Accession} {s.Description}", s.Accession, SequenceRole.Scaffold,
                    synthesizer.Scaffold(s.Length, SeededRandom.ForStream(options.Seed, s.Accession))));
            }
        }

        foreach (var (accession, name, length, role) in plan)
        {
            var random = SeededRandom.ForStream(options.Seed, accession);
            Add(new SyntheticSequence(Grch38Catalog.ChromosomeHeader(accession, name), "chr" + name, role,
                synthesizer.Chromosome(length, heterochromaticArm: name == "Y", random)));
            AddScaffoldsAfter(name);
        }

        Add(new SyntheticSequence(Grch38Catalog.MitochondrionHeader, "chrM", SequenceRole.Mitochondrion,
            SequenceSynthesizer.Mitochondrion(SeededRandom.ForStream(options.Seed, Grch38Catalog.MitochondrionAccession))));
        AddScaffoldsAfter("MT");

        return new SyntheticGenome(sequences);
    }

    private static long AvoidFullLastLine(long length) => length % 80 == 0 ? length + 37 : length;
}
