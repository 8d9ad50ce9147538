using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Server.Runs;

public sealed record MetricPointView(string Key, long Step, double Value, DateTimeOffset At)
{
    public static MetricPointView From(MetricRecord m) => new(m.Key, m.Step, m.Value, m.At);
}

public sealed record StageMetrics(string Stage, IReadOnlyList<MetricPointView> Metrics);

/// <param name="Url">Where the file is served: <c>/api/runs/{run}/stages/{stage}/files/{path}</c>.</param>
public sealed record StageFileView(string Stage, string Path, int Attempt, DateTimeOffset At, string Url)
{
    public static StageFileView From(StageFileRecord f) =>
        new(f.StageId, f.Path, f.Attempt, f.At, $"/api/runs/{Uri.EscapeDataString(f.RunId)}/stages/{Uri.EscapeDataString(f.StageId)}/files/{string.Join('/', f.Path.Split('/').Select(Uri.EscapeDataString))}");
}

/// <param name="Url">The run's page in the tracker (an MLflow server), or null when none is configured.</param>
/// <param name="Stages">Each tracked stage's page by stage id.</param>
/// <param name="Error">Why the tracker could not be asked (it is down, say); the run itself is unaffected.</param>
public sealed record TrackingView(Uri? Url, IReadOnlyDictionary<string, Uri> Stages, string? Error = null)
{
    public static TrackingView From(TrackingLinks? links) => new(links?.Run, links?.Stages ?? new Dictionary<string, Uri>());
}
