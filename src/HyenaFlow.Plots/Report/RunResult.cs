using System.Globalization;

namespace HyenaFlow.Plots.Report;

/// <summary>One row of the results table (thesis Table 4.1): a fine-tuning run and its top test accuracy.</summary>
/// <param name="Name">Row name, e.g. "32K-HyenaDNA pre-trained".</param>
/// <param name="Model">Model configuration, e.g. small-32k.</param>
/// <param name="Context">Tokens per sequence the run trained on.</param>
/// <param name="Init">pretrained, random or frozen (the experiment arm).</param>
/// <param name="Batch">Global batch size (batch × accumulation).</param>
/// <param name="TopAccuracy">Best test accuracy over the run's evaluations.</param>
/// <param name="Steps">Optimiser steps run (null when unknown).</param>
public sealed record RunResult(string Name, string Model, int Context, string Init, int Batch, double TopAccuracy, long? Steps = null)
{
    /// <summary>The row of a fine-tuning run from its metrics: parameters logged at start, best test accuracy over the run.</summary>
    public static RunResult FromMetrics(MetricsLog log, string? name = null)
    {
        string Param(string key) => log.Parameters.TryGetValue(key, out var v) ? v : "";
        int Int(string key) => int.TryParse(Param(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : 0;

        var accuracy = log.Series("test/best_accuracy");
        if (accuracy.Count == 0) accuracy = log.Series("test/accuracy");
        double top = accuracy.Count == 0 ? double.NaN : accuracy.Where(a => !double.IsNaN(a.Value)).Select(a => a.Value).DefaultIfEmpty(double.NaN).Max();
        var loss = log.Series("train/loss");
        long? steps = loss.Count == 0 ? null : loss[^1].Step;
        int batch = Int("global_batch_size") is > 0 and var global ? global : Int("batch_size");
        return new RunResult(
            name ?? System.IO.Path.GetFileNameWithoutExtension(log.Path),
            Param("model") is { Length: > 0 } model ? model : "?",
            Int("tokens_per_sequence"),
            Param("arm") is { Length: > 0 } arm ? arm : "?",
            batch,
            top,
            steps);
    }
}
