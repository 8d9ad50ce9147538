using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Selection;

/// <summary>
/// The thesis's balanced split by cell line: per class the same number of train and test lines,
/// and from every train/test line the same number of mutations (the smallest count among them),
/// drawn without replacement. Remaining lines go to the embedding experiment with all their mutations.
/// </summary>
public static class CellLineBalancer
{
    public static BalancedSelection Balance(MutationSet set, BalanceOptions options, int seed)
    {
        if (options.TrainLines < 1 || options.TestLines < 0)
        {
            throw new ArgumentException($"Need at least one train line and no negative test count (train {options.TrainLines}, test {options.TestLines}).", nameof(options));
        }

        if (options.MaxMutationsPerLine is < 1)
        {
            throw new ArgumentException($"The cap on mutations per line must be at least 1, got {options.MaxMutationsPerLine}.", nameof(options));
        }

        if (set.Classes.Count == 0)
        {
            throw new ArgumentException("The mutation set has no classes to balance.", nameof(set));
        }

        // One generator consumed in a fixed order (classes, then lines as listed) keeps the result a
        // function of the seed alone; lines are sorted by ModelID first so input order cannot leak in.
        var random = new Random(seed);
        var placed = new List<(CellLine Line, int Label, Split Split)>();
        for (int label = 0; label < set.Classes.Count; label++)
        {
            string lineage = set.Classes[label];
            CellLine[] lines = set.CellLines.Where(l => l.Lineage == lineage).OrderBy(l => l.ModelId, StringComparer.Ordinal).ToArray();
            int needed = options.TrainLines + options.TestLines;
            if (lines.Length < needed)
            {
                throw new InvalidOperationException(
                    $"Class '{lineage}' has {lines.Length} cell lines but {options.TrainLines} train + {options.TestLines} test = {needed} are needed. " +
                    "Lower the train/test lines per class (--train-lines/--test-lines), or import without the median filter (--no-median-filter) to keep more lines.");
            }

            random.Shuffle(lines);
            for (int i = 0; i < lines.Length; i++)
            {
                Split split = i < options.TrainLines ? Split.Train : i < needed ? Split.Test : Split.Embedding;
                placed.Add((lines[i], label, split));
            }
        }

        int perLine = placed.Where(p => p.Split != Split.Embedding).Min(p => p.Line.MutationCount);
        if (options.MaxMutationsPerLine is { } cap)
        {
            perLine = Math.Min(perLine, cap);
        }

        var selected = placed
            .OrderBy(p => p.Label)
            .ThenBy(p => p.Split)
            .Select(p => new SelectedCellLine(
                p.Line.ModelId,
                p.Line.Lineage,
                p.Label,
                p.Split,
                p.Split == Split.Embedding ? set.MutationsOf(p.Line.ModelId) : Draw(set.MutationsOf(p.Line.ModelId), perLine, random)))
            .ToList();
        return new BalancedSelection(set.Classes, perLine, seed, selected);
    }

    /// <summary>A partial Fisher–Yates draw of <paramref name="count"/> mutations, returned in genome order.</summary>
    private static List<Mutation> Draw(IReadOnlyList<Mutation> mutations, int count, Random random)
    {
        int[] index = Enumerable.Range(0, mutations.Count).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, index.Length);
            (index[i], index[j]) = (index[j], index[i]);
        }

        return index.Take(count).Order().Select(i => mutations[i]).ToList();
    }
}
