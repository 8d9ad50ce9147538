using System.Globalization;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Bench;

/// <summary>p50 / p90 / max of a set of durations in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
            throw new ArgumentException("no durations to summarize", nameof(milliseconds));
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.0} ms, p90 {P90:0.0} ms, max {Max:0.0} ms (n = {Count})");

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Dispatch latency as the runtime recorded it: a stage's start minus the end of the last stage it waited for.</summary>
public static class DispatchLatency
{
    public static IReadOnlyList<double> Of(GeneratedDag dag, IReadOnlyList<AttemptRecord> attempts)
    {
        var byStage = attempts.ToDictionary(a => a.StageId, StringComparer.Ordinal);
        return dag.Stages
            .Where(s => s.Needs.Count > 0)
            .Select(s => (byStage[s.Id].StartedAt!.Value - s.Needs.Max(n => byStage[n].FinishedAt!.Value)).TotalMilliseconds)
            .ToList();
    }
}
