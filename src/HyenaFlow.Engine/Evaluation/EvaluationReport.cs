namespace HyenaFlow.Engine.Evaluation;

/// <summary>How a classifier did on a dataset.</summary>
/// <param name="Loss">Mean cross-entropy per sequence.</param>
/// <param name="Auroc">Area under the ROC curve with the last class as positive (binary tasks); NaN otherwise or when a class is absent.</param>
/// <param name="Confusion">Counts[actual, predicted].</param>
/// <param name="CellLines">Majority vote per cell line; empty when the dataset records no cell lines.</param>
public sealed record EvaluationReport(
    long Sequences,
    double Loss,
    double Accuracy,
    double Auroc,
    long[,] Confusion,
    IReadOnlyList<CellLineVote> CellLines)
{
    /// <summary>Share of cell lines whose majority vote is their class; NaN without cell lines.</summary>
    public double CellLineAccuracy => CellLines.Count == 0 ? double.NaN : CellLines.Count(c => c.Correct) / (double)CellLines.Count;

    /// <summary>The figures as metrics, keys prefixed with <paramref name="prefix"/> (e.g. "test/").</summary>
    public IReadOnlyDictionary<string, double> AsMetrics(string prefix)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [prefix + "loss"] = Loss,
            [prefix + "accuracy"] = Accuracy,
        };
        if (!double.IsNaN(Auroc)) metrics[prefix + "auroc"] = Auroc;
        if (CellLines.Count > 0) metrics[prefix + "cell_line_accuracy"] = CellLineAccuracy;
        return metrics;
    }
}
