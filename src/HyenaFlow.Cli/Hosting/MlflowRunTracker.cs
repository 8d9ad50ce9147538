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
/// A stage's child run also gets the metrics it logged, step by step, and its report files (plots, tables) as
/// artifacts; artifact outputs (checkpoints, datasets) are referenced by tags <c>output.NAME</c>.
/// </summary>
internal sealed class MlflowRunTracker(IMlflowClient client, string experimentName, Uri? browseBase = null) : IRunTracker
{
    private const string RunIdTag = "hyenaflow.run_id";
    private const string StageTag = "hyenaflow.stage";

    /// <summary>From <c>MLFLOW_TRACKING_URI</c> and <c>MLFLOW_EXPERIMENT_NAME</c> (default <c>hyenaflow</c>); runs are
    /// browsable (links in the Studio) when the URI is a tracking server.</summary>
    public static MlflowRunTracker FromEnvironment()
    {
        var experiment = Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME") is { Length: > 0 } e ? e : "hyenaflow";
        var uri = Environment.GetEnvironmentVariable(MlflowClientFactory.TrackingUriVariable);
        Uri? browse = Uri.TryCreate(uri?.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        return new MlflowRunTracker(MlflowClientFactory.FromEnvironment(), experiment, browse);
    }

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

    public async Task StageFinishedAsync(TrackedStage stage, CancellationToken cancellationToken)
    {
        var (experiment, parent) = await ParentAsync(stage.RunId, cancellationToken);
        var tags = new Dictionary<string, string> { [RunIdTag] = stage.RunId, [StageTag] = stage.StageId, ["hyenaflow.activity"] = stage.Activity };
        string child = await client.CreateRunAsync(experiment, stage.StageId, tags, parent, cancellationToken);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var outputs = stage.Outputs ?? new Dictionary<string, JsonNode>();
        var parameters = stage.Inputs.Select(i => new MlflowParam(i.Key, Text(i.Value))).ToList();
        var stepKeys = stage.Metrics.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var metrics = stage.Metrics
            .Select(m => new MlflowMetric(m.Key, m.Value, m.At.ToUnixTimeMilliseconds(), m.Step))
            .Concat(outputs
                .Where(o => IsNumber(o.Value) && !stepKeys.Contains(o.Key))
                .Select(o => new MlflowMetric(o.Key, o.Value.GetValue<double>(), now, 0)))
            .ToList();
        var outputTags = outputs
            .Where(o => !IsNumber(o.Value))
            .Select(o => new MlflowTag("output." + o.Key, Text(o.Value)))
            .ToList();
        await client.LogBatchAsync(child, metrics, parameters, outputTags, cancellationToken);
        foreach (var file in stage.Files)
        {
            var folder = Path.GetDirectoryName(file.Path.Replace('/', Path.DirectorySeparatorChar));
            await client.LogArtifactAsync(child, file.LocalFile, string.IsNullOrEmpty(folder) ? null : folder.Replace(Path.DirectorySeparatorChar, '/'), cancellationToken);
        }

        await client.UpdateRunAsync(child, stage.Succeeded ? RunStatus.Finished : RunStatus.Failed, now, cancellationToken);
    }

    public async Task<TrackingLinks?> LinksAsync(string runId, CancellationToken cancellationToken)
    {
        if (browseBase is null)
            return null;
        string experiment = await client.GetOrCreateExperimentAsync(experimentName, cancellationToken);
        var runs = await client.SearchRunsAsync(experiment, new RunSearchFilter(Tags: new Dictionary<string, string> { [RunIdTag] = runId }), cancellationToken);
        if (runs.FirstOrDefault(r => r.ParentRunId is null) is not { } parent)
            return null;
        var stages = runs
            .Where(r => r.ParentRunId is not null && r.Tags.ContainsKey(StageTag))
            .GroupBy(r => r.Tags[StageTag], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RunPage(experiment, g.Last().Info.RunId), StringComparer.Ordinal);
        return new TrackingLinks(RunPage(experiment, parent.Info.RunId), stages);
    }

    private Uri RunPage(string experiment, string mlflowRunId) =>
        new(browseBase!, $"#/experiments/{Uri.EscapeDataString(experiment)}/runs/{mlflowRunId}");

    private static bool IsNumber(JsonNode? value) => value is JsonValue v && v.TryGetValue(out double _);

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
