using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Turns DepMap's OmicsSomaticMutations.csv and Model.csv into the study's <see cref="MutationSet"/>:
/// rows of the chosen lineages' cancerous models, on the genome's chromosomes, with a Ref that
/// matches the genome, without exact duplicates; then the thesis's filter that keeps only lines
/// with more mutations than the aggregated median.
/// </summary>
public static class MutationImporter
{
    public static MutationSet Import(
        string mutationsCsv,
        string modelsCsv,
        IReferenceGenome genome,
        ImportOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        if (options.Classes.Count == 0 || options.Classes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Classes.Count)
        {
            throw new ArgumentException($"Classes must be a non-empty list of distinct lineages, got [{string.Join(", ", options.Classes)}].", nameof(options));
        }

        Dictionary<string, DepMapModel> models = DepMapModelCatalog.Read(modelsCsv, options.Classes);
        var tally = new ImportTally(options.SampleSize);
        var perLine = new MutationRowReader(genome, models, options, tally).Read(mutationsCsv, progress, cancellationToken);

        var mutationsByLine = new Dictionary<string, IReadOnlyList<Mutation>>(StringComparer.Ordinal);
        foreach (var (modelId, list) in perLine)
        {
            tally.DuplicateRows += SortAndRemoveDuplicates(list);
            mutationsByLine[modelId] = list;
        }

        List<CellLine> before = perLine.Keys
            .Select(id => models[id])
            .Select(m => new CellLine(m.ModelId, m.Name, m.ClassName!, mutationsByLine[m.ModelId].Count))
            .OrderBy(l => ClassIndex(options.Classes, l.Lineage))
            .ThenBy(l => l.ModelId, StringComparer.Ordinal)
            .ToList();
        double median = before.Count == 0 ? 0 : SampleStatistics.Median(before.Select(l => l.MutationCount));
        List<CellLine> kept = options.MedianFilter ? before.Where(l => l.MutationCount > median).ToList() : before;
        var keptMutations = kept.ToDictionary(l => l.ModelId, l => mutationsByLine[l.ModelId], StringComparer.Ordinal);

        var report = new ImportReport
        {
            MutationsFile = Path.GetFileName(mutationsCsv),
            ModelsFile = Path.GetFileName(modelsCsv),
            Classes = options.Classes,
            RefMismatchPolicy = options.RefMismatch.ToString(),
            ModelsRead = models.Count,
            ModelsInClasses = models.Values.Count(m => m.ClassName is not null && !m.NonCancerous),
            NonCancerousModelsExcluded = models.Values.Count(m => m.ClassName is not null && m.NonCancerous),
            RowsRead = tally.RowsRead,
            NonDefaultEntryRows = tally.NonDefaultEntryRows,
            UnknownModelRows = tally.UnknownModelRows,
            UnknownModelIds = tally.UnknownModelIds.Count,
            OtherLineageRows = tally.OtherLineageRows,
            NonCancerousRows = tally.NonCancerousRows,
            ChromosomeNotInGenomeRows = tally.ChromosomeNotInGenomeRows,
            RowsPerDroppedChromosome = tally.RowsPerDroppedChromosome
                .OrderBy(p => p.Key, ChromosomeOrder.Instance)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            InvalidAlleleRows = tally.InvalidAlleleRows,
            InvalidAlleleSamples = tally.InvalidAlleleSamples,
            ComplexRows = tally.ComplexRows,
            ComplexSamples = tally.ComplexSamples,
            RefMismatchRows = tally.RefMismatchRows,
            RefMismatchSamples = tally.RefMismatchSamples,
            DuplicateRows = tally.DuplicateRows,
            MutationsKept = before.Sum(l => (long)l.MutationCount),
            MutationsPerType = Enum.GetValues<MutationType>().ToDictionary(
                t => t.ToString(),
                t => mutationsByLine.Values.Sum(list => (long)list.Count(m => m.Type == t))),
            LinesPerClassBeforeFilter = LinesPerClass(options.Classes, before),
            MedianFilterApplied = options.MedianFilter,
            MedianMutationsPerLine = median,
            LinesDroppedByMedianFilter = before.Count - kept.Count,
            LinesPerClass = LinesPerClass(options.Classes, kept),
            MutationsAfterFilter = kept.Sum(l => (long)l.MutationCount),
        };
        return new MutationSet(options.Classes, kept, keptMutations, before, report);
    }

    /// <summary>Sorts by (chrom, pos, ref, alt) and removes exact repeats; returns how many were removed.</summary>
    internal static int SortAndRemoveDuplicates(List<Mutation> mutations)
    {
        mutations.Sort(MutationOrder.Instance);
        int write = 0;
        for (int read = 0; read < mutations.Count; read++)
        {
            if (write > 0 && MutationOrder.Instance.Compare(mutations[write - 1], mutations[read]) == 0)
            {
                continue;
            }

            mutations[write++] = mutations[read];
        }

        int removed = mutations.Count - write;
        mutations.RemoveRange(write, removed);
        return removed;
    }

    private static int ClassIndex(IReadOnlyList<string> classes, string lineage)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == lineage)
            {
                return i;
            }
        }

        return classes.Count;
    }

    private static Dictionary<string, int> LinesPerClass(IReadOnlyList<string> classes, IReadOnlyList<CellLine> lines) =>
        classes.ToDictionary(c => c, c => lines.Count(l => l.Lineage == c), StringComparer.Ordinal);
}
