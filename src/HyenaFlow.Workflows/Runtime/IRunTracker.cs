using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Runtime;

/// <summary>
/// Where a run's progress is reported besides the runtime's own tables (MLflow: a run is a parent run, a stage a
/// child run). Calls are best effort: a tracker that throws is logged against the stage and never fails it.
/// </summary>
public interface IRunTracker
{
    Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken);

    Task StageFinishedAsync(string runId, string stageId, string activity, bool succeeded, IReadOnlyDictionary<string, JsonNode>? inputs, IReadOnlyDictionary<string, JsonNode>? outputs, CancellationToken cancellationToken);

    Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken);
}

/// <summary>Tracks nothing: the runtime's tables are the record.</summary>
public sealed class NullRunTracker : IRunTracker
{
    public static NullRunTracker Instance { get; } = new();

    public Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StageFinishedAsync(string runId, string stageId, string activity, bool succeeded, IReadOnlyDictionary<string, JsonNode>? inputs, IReadOnlyDictionary<string, JsonNode>? outputs, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken) => Task.CompletedTask;
}
