namespace HyenaFlow.Engine.Evaluation;

/// <summary>Metrics of a classifier from its predictions: plain functions, no tensors.</summary>
public static class ClassificationMetrics
{
    public static double Accuracy(IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        CheckSameLength(predicted.Count, actual.Count);
        if (actual.Count == 0) return double.NaN;
        var correct = 0;
        for (var i = 0; i < actual.Count; i++) if (predicted[i] == actual[i]) correct++;
        return (double)correct / actual.Count;
    }

    /// <summary>Counts[actual, predicted] over <paramref name="classCount"/> classes.</summary>
    public static long[,] ConfusionMatrix(IReadOnlyList<int> predicted, IReadOnlyList<int> actual, int classCount)
    {
        CheckSameLength(predicted.Count, actual.Count);
        var counts = new long[classCount, classCount];
        for (var i = 0; i < actual.Count; i++) counts[actual[i], predicted[i]]++;
        return counts;
    }

    /// <summary>
    /// Area under the ROC curve of <paramref name="scores"/> for the positive samples
    /// (<paramref name="isPositive"/>), by ranks (Mann–Whitney U): the chance that a random positive
    /// scores above a random negative, ties counting one half. NaN when either class is absent.
    /// </summary>
    public static double Auroc(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        CheckSameLength(scores.Count, isPositive.Count);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1; // ranks are 1-based; a tie group shares its mean rank
            for (var k = start; k <= end; k++)
            {
                if (!isPositive[order[k]]) continue;
                positiveRankSum += averageRank;
                positives++;
            }
            start = end + 1;
        }
        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    private static void CheckSameLength(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Predictions ({a}) and labels ({b}) differ in number.");
    }
}
