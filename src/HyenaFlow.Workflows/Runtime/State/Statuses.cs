namespace HyenaFlow.Workflows.Runtime.State;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Pending: waits for its dependencies. Queued: an attempt job exists. Skipped: a dependency failed.</summary>
public enum StageStatus
{
    Pending,
    Queued,
    Running,
    Succeeded,
    Cached,
    Failed,
    Skipped,
    Cancelled,
}

public enum AttemptStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class StatusFacts
{
    public static bool IsDone(this StageStatus status) => status is StageStatus.Succeeded or StageStatus.Cached;

    public static bool IsFinal(this StageStatus status) =>
        status is StageStatus.Succeeded or StageStatus.Cached or StageStatus.Failed or StageStatus.Skipped or StageStatus.Cancelled;
}
