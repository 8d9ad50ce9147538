using System.Globalization;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime.Execution;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Runtime;

/// <summary>Where the runtime keeps its state and scratch space, how much it runs at once, and which stages.</summary>
public sealed record RuntimeOptions
{
    public const string WorkVariable = "HYENAFLOW_WORK";
    public const string PoolsVariable = "HYENAFLOW_POOLS";
    public const string CheckinIntervalVariable = "HYENAFLOW_CLUSTER_CHECKIN_INTERVAL";
    public const string CheckinThresholdVariable = "HYENAFLOW_CLUSTER_CHECKIN_THRESHOLD";

    /// <summary>
    /// The database shared by the runtime's tables and Quartz's: a SQLite file path, or a PostgreSQL connection
    /// (<c>postgres://user:password@host:5432/db</c> or <c>Host=…;Database=…</c>) that a cluster of workers shares.
    /// </summary>
    public required string DatabasePath { get; init; }

    /// <summary>Scratch and checkpoint folders of stage attempts; defaults to <c>work/</c> beside a SQLite database,
    /// or <c>.hyenaflow/work</c> for PostgreSQL. Share it between workers to resume a recovered stage from its
    /// checkpoint on another machine.</summary>
    public string? WorkPath { get; init; }

    /// <summary>Stages executed at once by this process.</summary>
    public int MaxConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How often the runtime looks for runs to advance that another process submitted or changed.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The execution pools whose stages this process executes; null for every pool.</summary>
    public IReadOnlySet<Resources>? Pools { get; init; }

    /// <summary>PostgreSQL cluster: how often a worker records that it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; init; } = TimeSpan.FromSeconds(7.5);

    /// <summary>PostgreSQL cluster: how long past a missed check-in the others wait before they take a worker for
    /// dead and run its stages again; a dead worker's stage restarts within about interval + threshold.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(7.5);

    public string ResolvedWorkPath => WorkPath
        ?? (DatabaseSetting.Parse(DatabasePath).FilePath is { } file
            ? Path.Combine(Path.GetDirectoryName(file)!, "work")
            : Path.GetFullPath(Path.Combine(".hyenaflow", "work")));

    /// <summary>
    /// From <c>HYENAFLOW_DB</c> (default <c>./.hyenaflow/hyenaflow.db</c>; <paramref name="database"/> overrides it),
    /// <c>HYENAFLOW_WORK</c>, <c>HYENAFLOW_POOLS</c> (comma-separated, e.g. <c>cpu</c>; empty for every pool) and
    /// <c>HYENAFLOW_CLUSTER_CHECKIN_INTERVAL</c> / <c>_THRESHOLD</c> (seconds).
    /// </summary>
    public static RuntimeOptions FromEnvironment(string? database = null)
    {
        var defaults = new RuntimeOptions { DatabasePath = "" };
        return new RuntimeOptions
        {
            DatabasePath = database is { Length: > 0 } ? database
                : Variable(DatabaseSetting.Variable) ?? Path.Combine(".hyenaflow", "hyenaflow.db"),
            WorkPath = Variable(WorkVariable),
            Pools = Variable(PoolsVariable) is { } pools ? ExecutionPools.ParseList(pools, PoolsVariable) : null,
            ClusterCheckinInterval = Seconds(CheckinIntervalVariable) ?? defaults.ClusterCheckinInterval,
            ClusterCheckinMisfireThreshold = Seconds(CheckinThresholdVariable) ?? defaults.ClusterCheckinMisfireThreshold,
        };
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static TimeSpan? Seconds(string name)
    {
        if (Variable(name) is not { } text)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
            throw new ArgumentException($"{name}: expected a number of seconds between 0 and 3600, got '{text}'");
        return TimeSpan.FromSeconds(seconds);
    }
}
