namespace HyenaFlow.Engine.Evaluation;

/// <summary>The verdict for one cell line: the majority of its sequences' predictions against its label.</summary>
/// <param name="Label">The cell line's class (the most common label of its sequences).</param>
/// <param name="Votes">Predicted sequences per class.</param>
public sealed record CellLineVote(string CellLine, int Label, int Predicted, IReadOnlyList<long> Votes)
{
    public long Sequences => Votes.Sum();

    public bool Correct => Predicted == Label;

    /// <summary>
    /// One vote per cell line, ordered by name. A tie between classes goes to the class with the
    /// larger summed probability over the cell line's sequences, then to the lower class index.
    /// </summary>
    /// <param name="probabilities">Per sequence, the predicted probability of each class.</param>
    public static IReadOnlyList<CellLineVote> Tally(
        IReadOnlyList<string?> cellLines, IReadOnlyList<int> predicted, IReadOnlyList<int> actual,
        IReadOnlyList<double[]> probabilities, int classCount)
    {
        var groups = new SortedDictionary<string, (long[] Votes, long[] Labels, double[] Mass)>(StringComparer.Ordinal);
        for (var i = 0; i < cellLines.Count; i++)
        {
            if (cellLines[i] is not { } line) continue;
            if (!groups.TryGetValue(line, out var g))
                groups[line] = g = (new long[classCount], new long[classCount], new double[classCount]);
            g.Votes[predicted[i]]++;
            g.Labels[actual[i]]++;
            for (var c = 0; c < classCount; c++) g.Mass[c] += probabilities[i][c];
        }

        return groups.Select(kv =>
        {
            var (votes, labels, mass) = kv.Value;
            var winner = Enumerable.Range(0, classCount)
                .OrderByDescending(c => votes[c]).ThenByDescending(c => mass[c]).ThenBy(c => c).First();
            var label = Enumerable.Range(0, classCount).OrderByDescending(c => labels[c]).ThenBy(c => c).First();
            return new CellLineVote(kv.Key, label, winner, votes);
        }).ToList();
    }
}
