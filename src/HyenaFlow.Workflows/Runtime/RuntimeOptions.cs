namespace HyenaFlow.Workflows.Runtime;

/// <summary>Where the runtime keeps its state and scratch space, and how much it runs at once.</summary>
public sealed record RuntimeOptions
{
    /// <summary>The SQLite file shared by the runtime's tables and Quartz's.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Scratch and checkpoint folders of stage attempts; defaults to <c>work/</c> beside the database.</summary>
    public string? WorkPath { get; init; }

    /// <summary>Stages executed at once by this process.</summary>
    public int MaxConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How often the runtime looks for runs to advance that another process submitted or changed.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string ResolvedWorkPath => WorkPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, "work");

    /// <summary>From <c>HYENAFLOW_DB</c> (default <c>./.hyenaflow/hyenaflow.db</c>).</summary>
    public static RuntimeOptions FromEnvironment() => new()
    {
        DatabasePath = Environment.GetEnvironmentVariable("HYENAFLOW_DB") is { Length: > 0 } db ? db : Path.Combine(".hyenaflow", "hyenaflow.db"),
    };
}
