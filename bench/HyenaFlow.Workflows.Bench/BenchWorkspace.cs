using System.Text.Json.Nodes;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Bench;

/// <summary>What one finished run left in the runtime's tables.</summary>
public sealed record FinishedRun(RunRecord Run, IReadOnlyList<StageRunRecord> Stages, IReadOnlyList<AttemptRecord> Attempts)
{
    /// <summary>Submission to the closing of the run, both as the runtime recorded them.</summary>
    public TimeSpan Recorded => Run.FinishedAt!.Value - Run.CreatedAt;
}

/// <summary>
/// A temporary folder holding a runtime's SQLite file, scratch space and artifact store, with the no-op activity
/// registered; deleted on dispose. Each benchmark takes a fresh one, so no run sees another's state.
/// </summary>
public sealed class BenchWorkspace : IDisposable
{
    public BenchWorkspace(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), $"hf-bench-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Root);
        Registry = new ActivityRegistry([new NoOpActivity()]);
        Store = new LocalArtifactStore(Path.Combine(Root, "artifacts"));
    }

    public string Root { get; }

    public ActivityRegistry Registry { get; }

    public LocalArtifactStore Store { get; }

    /// <summary>A database file of this workspace (the runtime's by default; a reference may take its own).</summary>
    public string DatabasePath(string name = "hyenaflow") => Path.Combine(Root, name + ".db");

    /// <summary>The options a user gets by default, on this workspace's database.</summary>
    public RuntimeOptions Options(string database = "hyenaflow") => new() { DatabasePath = DatabasePath(database) };

    public async Task<WorkflowRuntime> StartRuntimeAsync(RuntimeOptions options)
    {
        var runtime = new WorkflowRuntime(options, Registry, Store);
        await runtime.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return runtime;
    }

    /// <summary>Submits the DAG, waits for it to finish (it must succeed) and reads back its rows.</summary>
    public static async Task<FinishedRun> RunAsync(WorkflowRuntime runtime, GeneratedDag dag, string nonce, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var parameters = new Dictionary<string, JsonNode> { ["nonce"] = JsonValue.Create(nonce) };
        var runId = await runtime.SubmitAsync(dag.ToDefinitionJson(), parameters, timeout.Token).ConfigureAwait(false);
        var run = await runtime.WaitAsync(runId, timeout.Token).ConfigureAwait(false);
        if (run.Status != RunStatus.Succeeded)
            throw new InvalidOperationException($"bench run {runId} ended {run.Status}: {run.Error}");
        var queries = new RunQueries(runtime.Database);
        var stages = await queries.StagesAsync(runId, CancellationToken.None).ConfigureAwait(false);
        var notExecuted = stages.Where(s => s.Status != StageStatus.Succeeded || s.Attempts != 1).Select(s => $"{s.StageId} ({s.Status}, {s.Attempts} attempts)").ToList();
        if (notExecuted.Count > 0)
            throw new InvalidOperationException($"bench run {runId}: every stage must execute exactly once; these did not: {string.Join(", ", notExecuted.Take(5))}");
        var attempts = await queries.AttemptsAsync(runId, CancellationToken.None).ConfigureAwait(false);
        return new FinishedRun(run, stages, attempts);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}
