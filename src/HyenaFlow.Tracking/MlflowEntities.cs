namespace HyenaFlow.Tracking;

/// <summary>One value of a metric; MLflow keeps every (timestamp, value, step) triple.</summary>
public sealed record MlflowMetric(string Key, double Value, long TimestampMs, long Step);

/// <summary>A run parameter: written once, re-logging must repeat the same value.</summary>
public sealed record MlflowParam(string Key, string Value);

/// <summary>A run tag: may be overwritten.</summary>
public sealed record MlflowTag(string Key, string Value);

public sealed record MlflowExperiment(string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage);

public sealed record MlflowRunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTimeMs,
    long? EndTimeMs,
    string ArtifactUri,
    string LifecycleStage);

/// <summary>A run as MLflow reports it: the latest value of each metric, all params and tags.</summary>
public sealed record MlflowRun(
    MlflowRunInfo Info,
    IReadOnlyList<MlflowMetric> LatestMetrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags)
{
    public string? ParentRunId => Tags.GetValueOrDefault(MlflowTags.ParentRunId);
}

/// <summary>Which runs <see cref="IMlflowClient.SearchRunsAsync"/> returns; every condition given must hold.</summary>
public sealed record RunSearchFilter(RunStatus? Status = null, IReadOnlyDictionary<string, string>? Tags = null)
{
    public bool Matches(MlflowRun run) =>
        (Status is null || run.Info.Status == Status)
        && (Tags is null || Tags.All(t => run.Tags.TryGetValue(t.Key, out var v) && v == t.Value));
}

/// <summary>The system tags MLflow's UI reads.</summary>
public static class MlflowTags
{
    public const string ParentRunId = "mlflow.parentRunId";
    public const string RunName = "mlflow.runName";
    public const string User = "mlflow.user";
}
