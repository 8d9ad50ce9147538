using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Evaluation;

/// <summary>Runs a classifier over a dataset in evaluation mode and reports loss, accuracy, AUROC, confusion and cell-line votes.</summary>
public static class Evaluator
{
    /// <param name="batchSize">Sequences per forward pass (memory, not results, depends on it).</param>
    /// <param name="device">Where the model lives; null for the device of its parameters.</param>
    public static EvaluationReport Evaluate(HyenaDnaModel model, ISequenceDataset data, int batchSize = 8, Device? device = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var classes = model.ClassCount ?? throw new ArgumentException("Evaluation needs a model with a classification head.", nameof(model));
        if (data.ClassCount > classes)
            throw new ArgumentException($"The dataset has {data.ClassCount} classes but the model's head only {classes}.", nameof(data));
        device ??= model.parameters().First().device;

        var predicted = new List<int>((int)data.Count);
        var actual = new List<int>((int)data.Count);
        var probabilities = new List<double[]>((int)data.Count);
        var lossSum = 0.0;
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (long first = 0; first < data.Count; first += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var rows = TokenBatch.Range(first, (int)Math.Min(batchSize, data.Count - first));
                var (ids, labels) = TokenBatch.Gather(data, rows, device);
                var logits = model.ClassLogits(ids).to(float32);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).cpu().item<float>();
                var probs = nn.functional.softmax(logits, 1).to(float64).cpu().data<double>().ToArray();
                for (var i = 0; i < rows.Length; i++)
                {
                    var p = probs.AsSpan(i * classes, classes).ToArray();
                    probabilities.Add(p);
                    predicted.Add(ArgMax(p));
                    actual.Add((int)data.Label(rows[i]));
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        var auroc = classes == 2
            ? ClassificationMetrics.Auroc(probabilities.Select(p => p[1]).ToList(), actual.Select(a => a == 1).ToList())
            : double.NaN;
        var cellLines = Enumerable.Range(0, (int)data.Count).Select(i => data.CellLine(i)).ToList();
        return new EvaluationReport(
            data.Count,
            lossSum / data.Count,
            ClassificationMetrics.Accuracy(predicted, actual),
            auroc,
            ClassificationMetrics.ConfusionMatrix(predicted, actual, classes),
            CellLineVote.Tally(cellLines, predicted, actual, probabilities, classes));
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
