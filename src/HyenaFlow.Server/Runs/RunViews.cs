using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Server.Runs;

/// <summary>Start a run of the workflow <see cref="Workflow"/> (a name in the workflow folder). Parameter values are
/// JSON of the parameter's type; parameters left out take their defaults.</summary>
public sealed record StartRunRequest(string Workflow, JsonObject? Parameters);

/// <summary>Without <see cref="Stage"/>: the failed, cancelled and skipped stages and their dependents. With it:
/// that stage (executed even when cached), and its dependents too when <see cref="Downstream"/>.</summary>
public sealed record RerunRequest(string? Stage, bool Downstream);

public sealed record RunStarted(string Id);

public sealed record RerunStarted(string Id, IReadOnlyList<string> Stages);

public sealed record RunView(string Id, string WorkflowId, int WorkflowVersion, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error, JsonNode? Parameters)
{
    public static RunView From(RunRecord run) => new(
        run.Id, run.WorkflowId, run.WorkflowVersion, Names.Of(run.Status), run.CreatedAt, run.FinishedAt, run.Error, JsonNode.Parse(run.ParametersJson));
}

public sealed record RunDetail(RunView Run, IReadOnlyList<StageView> Stages);

/// <summary>One expanded stage (a matrix stage has one per cell, id <c>stage[key=value]</c>).</summary>
public sealed record StageView(
    string Id,
    string Activity,
    string Status,
    double Progress,
    int Attempts,
    IReadOnlyList<string> DependsOn,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonNode? Outputs)
{
    public static StageView From(StageRunRecord stage) => new(
        stage.StageId,
        stage.Activity,
        Names.Of(stage.Status),
        stage.Progress,
        stage.Attempts,
        JsonSerializer.Deserialize<List<string>>(stage.DependsOnJson) ?? [],
        stage.StartedAt,
        stage.FinishedAt,
        stage.Error,
        stage.OutputsJson is { } outputs ? JsonNode.Parse(outputs) : null);
}

public sealed record AttemptView(string Stage, int Number, string Status, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, int Recoveries)
{
    public static AttemptView From(AttemptRecord a) => new(a.StageId, a.Number, Names.Of(a.Status), a.QueuedAt, a.StartedAt, a.FinishedAt, a.Error, a.Recoveries);
}

public sealed record LogLineView(long Id, string Stage, int Attempt, DateTimeOffset At, string Text)
{
    public static LogLineView From(LogLineRecord l) => new(l.Id, l.StageId, l.Attempt, l.At, l.Text);
}

/// <summary>Statuses on the wire: the enum names in lower case ("pending", "running", "succeeded", "cached"…).</summary>
internal static class Names
{
    public static string Of<T>(T status) where T : struct, Enum => status.ToString().ToLowerInvariant();
}
