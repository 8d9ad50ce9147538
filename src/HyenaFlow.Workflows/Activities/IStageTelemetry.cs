namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// What a stage reports besides its outputs: metrics over steps (loss curves, learning rate) and files meant for
/// people (plots, tables). The runtime keeps both with the stage, shows metrics in the Studio and hands both to
/// the run tracker (an MLflow child run) when the stage finishes. Reports are records of the work, not results:
/// a later stage cannot read them, and they never enter a cache key.
/// </summary>
public interface IStageTelemetry
{
    /// <summary>One value of a metric at a step; the same key and step reported again (a resumed attempt) replaces it.</summary>
    void LogMetric(string key, double value, long step);

    /// <summary>Keeps a copy of a file as a report of the stage, under <c>[folder/]file name</c>.</summary>
    Task LogFileAsync(string localPath, string? folder, CancellationToken cancellationToken);
}

/// <summary>Keeps nothing: for activities run outside the runtime (tests, the command line).</summary>
public sealed class NullStageTelemetry : IStageTelemetry
{
    public static NullStageTelemetry Instance { get; } = new();

    public void LogMetric(string key, double value, long step) { }

    public Task LogFileAsync(string localPath, string? folder, CancellationToken cancellationToken) => Task.CompletedTask;
}
