namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Cleaned DepMap mutations of the study's cell lines: the lines kept (after the median filter), each
/// line's mutations sorted by (chromosome, position), the per-line counts before the median filter,
/// and the import report.
/// </summary>
public sealed class MutationSet
{
    private readonly Dictionary<string, IReadOnlyList<Mutation>> mutations;

    /// <param name="cellLines">Kept lines; their <see cref="CellLine.MutationCount"/> must match their mutations.</param>
    /// <param name="mutationsByLine">Mutations of every kept line, keyed by ModelID.</param>
    /// <param name="linesBeforeMedianFilter">Every line that had cleaned mutations, with its count, before the median filter.</param>
    public MutationSet(
        IReadOnlyList<string> classes,
        IReadOnlyList<CellLine> cellLines,
        IReadOnlyDictionary<string, IReadOnlyList<Mutation>> mutationsByLine,
        IReadOnlyList<CellLine> linesBeforeMedianFilter,
        ImportReport report)
    {
        Classes = classes;
        CellLines = cellLines;
        LinesBeforeMedianFilter = linesBeforeMedianFilter;
        Report = report;
        mutations = new Dictionary<string, IReadOnlyList<Mutation>>(StringComparer.Ordinal);
        foreach (CellLine line in cellLines)
        {
            if (!classes.Contains(line.Lineage))
            {
                throw new ArgumentException($"Cell line {line.ModelId} has lineage '{line.Lineage}', which is not one of the classes {string.Join(", ", classes)}.", nameof(cellLines));
            }

            if (!mutationsByLine.TryGetValue(line.ModelId, out var list))
            {
                throw new ArgumentException($"No mutations given for cell line {line.ModelId}.", nameof(mutationsByLine));
            }

            if (list.Count != line.MutationCount)
            {
                throw new ArgumentException($"Cell line {line.ModelId} claims {line.MutationCount} mutations but has {list.Count}.", nameof(cellLines));
            }

            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].CellLine != line.ModelId)
                {
                    throw new ArgumentException($"A mutation of {list[i].CellLine} is filed under {line.ModelId}.", nameof(mutationsByLine));
                }

                if (i > 0 && MutationOrder.Instance.Compare(list[i - 1], list[i]) > 0)
                {
                    throw new ArgumentException($"Mutations of {line.ModelId} are not sorted by chromosome and position ({list[i - 1].Notation} before {list[i].Notation}).", nameof(mutationsByLine));
                }
            }

            if (!mutations.TryAdd(line.ModelId, list))
            {
                throw new ArgumentException($"Cell line {line.ModelId} is listed twice.", nameof(cellLines));
            }
        }

        MutationCount = cellLines.Sum(l => (long)l.MutationCount);
    }

    /// <summary>Class names in label order (label 0 = first).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Kept cell lines, ordered by class then ModelID.</summary>
    public IReadOnlyList<CellLine> CellLines { get; }

    /// <summary>Per-line counts before the median filter (what the thesis's Table 3.2 describes).</summary>
    public IReadOnlyList<CellLine> LinesBeforeMedianFilter { get; }

    public ImportReport Report { get; }

    public long MutationCount { get; }

    /// <summary>The mutations of a kept line, sorted by chromosome then position.</summary>
    public IReadOnlyList<Mutation> MutationsOf(string modelId) =>
        mutations.TryGetValue(modelId, out var list)
            ? list
            : throw new KeyNotFoundException($"Cell line '{modelId}' is not in this mutation set ({CellLines.Count} lines).");

    public bool Contains(string modelId) => mutations.ContainsKey(modelId);
}
