using System.Text.Json.Nodes;
using HyenaFlow.Tracking;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Hosting;

/// <summary>
/// Reports workflow runs to MLflow, all in one experiment (<c>MLFLOW_EXPERIMENT_NAME</c>, default
/// <c>hyenaflow</c>): a run is a parent MLflow run tagged with its workflow, each finished stage a child
/// run with its inputs as params and its numeric outputs as metrics.
/// MLflow runs are found again by their <c>hyenaflow.run_id</c> tag, so a runtime restarted after a crash
/// carries on with the same parent run and first marks what the crash left RUNNING as KILLED.
/// </summary>
internal sealed class MlflowRunTracker(IMlflowClient client, string experimentName) : IRunTracker
{
    private const string RunIdTag = "hyenaflow.run_id";
    private const string StageTag = "hyenaflow.stage";

    public async Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken)
    {
        string experiment = await client.GetOrCreateExperimentAsync(experimentName, cancellationToken);
        if (await FindParentAsync(experiment, runId, cancellationToken) is not null)
        {
            await client.MarkStaleRunsAsync(experiment, r => r.Tags.GetValueOrDefault(RunIdTag) == runId, RunStatus.Killed, cancellationToken);
            return;
        }

        string parent = await client.CreateRunAsync(experiment, runId, new Dictionary<string, string> { [RunIdTag] = runId, ["hyenaflow.workflow"] = workflowId }, cancellationToken: cancellationToken);
        var values = parameters.Select(p => new MlflowParam(p.Key, Text(p.Value))).ToList();
        await client.LogBatchAsync(parent, parameters: values, cancellationToken: cancellationToken);
    }

    public async Task StageFinishedAsync(string runId, string stageId, string activity, bool succeeded, IReadOnlyDictionary<string, JsonNode>? inputs, IReadOnlyDictionary<string, JsonNode>? outputs, CancellationToken cancellationToken)
    {
        var (experiment, parent) = await ParentAsync(runId, cancellationToken);
        var tags = new Dictionary<string, string> { [RunIdTag] = runId, [StageTag] = stageId, ["hyenaflow.activity"] = activity };
        string child = await client.CreateRunAsync(experiment, stageId, tags, parent, cancellationToken);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var parameters = (inputs ?? new Dictionary<string, JsonNode>()).Select(i => new MlflowParam(i.Key, Text(i.Value))).ToList();
        var metrics = (outputs ?? new Dictionary<string, JsonNode>())
            .Where(o => o.Value is JsonValue v && v.TryGetValue(out double _))
            .Select(o => new MlflowMetric(o.Key, o.Value.GetValue<double>(), now, 0))
            .ToList();
        var outputTags = (outputs ?? new Dictionary<string, JsonNode>())
            .Where(o => o.Value is not JsonValue v || !v.TryGetValue(out double _))
            .Select(o => new MlflowTag("output." + o.Key, Text(o.Value)))
            .ToList();
        await client.LogBatchAsync(child, metrics, parameters, outputTags, cancellationToken);
        await client.UpdateRunAsync(child, succeeded ? RunStatus.Finished : RunStatus.Failed, now, cancellationToken);
    }

    public async Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken)
    {
        var (_, parent) = await ParentAsync(runId, cancellationToken);
        await client.UpdateRunAsync(parent, succeeded ? RunStatus.Finished : RunStatus.Failed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellationToken);
    }

    private async Task<(string Experiment, string Parent)> ParentAsync(string runId, CancellationToken cancellationToken)
    {
        string experiment = await client.GetOrCreateExperimentAsync(experimentName, cancellationToken);
        return (experiment, await FindParentAsync(experiment, runId, cancellationToken)
            ?? throw new InvalidOperationException($"No MLflow parent run is tagged {RunIdTag}={runId}; was the run started with tracking on?"));
    }

    private async Task<string?> FindParentAsync(string experiment, string runId, CancellationToken cancellationToken)
    {
        var filter = new RunSearchFilter(Tags: new Dictionary<string, string> { [RunIdTag] = runId });
        var runs = await client.SearchRunsAsync(experiment, filter, cancellationToken);
        return runs.FirstOrDefault(r => r.ParentRunId is null)?.Info.RunId;
    }

    private static string Text(JsonNode? value)
    {
        string text = value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => value.ToJsonString(),
        };
        return text.Length <= MlflowLimits.MaxParamValueLength ? text : text[..MlflowLimits.MaxParamValueLength];
    }
}
