using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Runtime;

/// <summary>
/// Where a run's progress is reported besides the runtime's own tables (MLflow: a run is a parent run, a stage a
/// child run). Calls are best effort: a tracker that throws is logged against the stage and never fails it.
/// </summary>
public interface IRunTracker
{
    Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken);

    /// <summary>A stage that executed (not one served from the cache) finished, well or not.</summary>
    Task StageFinishedAsync(TrackedStage stage, CancellationToken cancellationToken);

    Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken);

    /// <summary>Where people can browse the run and its stages, or null when the tracker has no browsable home.</summary>
    Task<TrackingLinks?> LinksAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>
/// A finished stage as a tracker sees it. <see cref="Files"/> are local copies of the stage's report files, valid
/// only during the call.
/// </summary>
public sealed record TrackedStage(
    string RunId,
    string StageId,
    string Activity,
    bool Succeeded,
    IReadOnlyDictionary<string, JsonNode> Inputs,
    IReadOnlyDictionary<string, JsonNode>? Outputs,
    IReadOnlyList<TrackedMetric> Metrics,
    IReadOnlyList<TrackedFile> Files);

public sealed record TrackedMetric(string Key, double Value, long Step, DateTimeOffset At);

/// <param name="Path"><c>[folder/]file name</c> inside the stage's reports.</param>
public sealed record TrackedFile(string Path, string LocalFile);

/// <param name="Run">The workflow run's page.</param>
/// <param name="Stages">Each tracked stage's page, by stage id.</param>
public sealed record TrackingLinks(Uri Run, IReadOnlyDictionary<string, Uri> Stages);

/// <summary>Tracks nothing: the runtime's tables are the record.</summary>
public sealed class NullRunTracker : IRunTracker
{
    public static NullRunTracker Instance { get; } = new();

    public Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StageFinishedAsync(TrackedStage stage, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TrackingLinks?> LinksAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<TrackingLinks?>(null);
}
