namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>One execution of a workflow: the definition and parameters it was planned from, kept so that a
/// restart or a rerun plans exactly the same DAG.</summary>
public sealed class RunRecord
{
    public required string Id { get; set; }
    public required string WorkflowId { get; set; }
    public int WorkflowVersion { get; set; }
    public required string DefinitionJson { get; set; }
    public required string ParametersJson { get; set; }
    public RunStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>One expanded stage of a run; the DAG edges are <see cref="DependsOnJson"/>.</summary>
public sealed class StageRunRecord
{
    public required string RunId { get; set; }
    public required string StageId { get; set; }
    public int OrderIndex { get; set; }
    public required string Activity { get; set; }
    public required string DependsOnJson { get; set; }
    public StageStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>Set by a rerun of this very stage: execute even when the cache holds a result.</summary>
    public bool Force { get; set; }
    public string? CacheKey { get; set; }
    public string? CacheFieldsJson { get; set; }
    public string? InputsJson { get; set; }
    public string? OutputsJson { get; set; }
    public string? Error { get; set; }
    public double Progress { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public sealed class AttemptRecord
{
    public required string RunId { get; set; }
    public required string StageId { get; set; }
    public int Number { get; set; }
    public AttemptStatus Status { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>Not to start before this (a retry's back-off).</summary>
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    /// <summary>How often the attempt was picked up again after its process died.</summary>
    public int Recoveries { get; set; }
}

public sealed class LogLineRecord
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string StageId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Text { get; set; }
}

/// <summary>A finished stage's outputs under its cache key, reusable by any later run.</summary>
public sealed class CacheEntryRecord
{
    public required string Key { get; set; }
    public required string Activity { get; set; }
    public required string StageId { get; set; }
    public required string RunId { get; set; }
    public required string FieldsJson { get; set; }
    public required string OutputsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ScheduleRecord
{
    public required string Id { get; set; }
    public required string WorkflowPath { get; set; }
    public required string Cron { get; set; }
    public required string ParametersJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One value of a stage's metric at a step; a resumed attempt that reports the same step replaces it.</summary>
public sealed class MetricRecord
{
    public required string RunId { get; set; }
    public required string StageId { get; set; }
    public required string Key { get; set; }
    public long Step { get; set; }
    public double Value { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A report file of a stage (a plot, a table), kept in the artifact store under its path inside the stage.</summary>
public sealed class StageFileRecord
{
    public required string RunId { get; set; }
    public required string StageId { get; set; }
    /// <summary><c>[folder/]file name</c>, forward slashes.</summary>
    public required string Path { get; set; }
    public required string ArtifactJson { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
}
