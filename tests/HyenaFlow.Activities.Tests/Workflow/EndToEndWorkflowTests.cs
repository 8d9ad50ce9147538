using System.Text.Json.Nodes;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Activities.Tests.Workflow;

/// <summary>The built-in activities through the real runtime (SQLite, Quartz, local artifact store): synth → import
/// → dataset → finetune (tiny) → evaluate → compare, then the same workflow again entirely from the cache.</summary>
public sealed class EndToEndWorkflowTests : IDisposable
{
    private const string Workflow = """
        { "id": "mini-study", "version": 1, "stages": [
          { "id": "synth", "uses": "synth-data@1", "with": { "seed": 11, "profile": "demo" } },
          { "id": "genome", "uses": "import-genome@1", "with": { "fasta": "${{ stages.synth.outputs.fasta }}" } },
          { "id": "mutations", "uses": "import-mutations@1", "with": { "mutations": "${{ stages.synth.outputs.mutations }}", "models": "${{ stages.synth.outputs.models }}", "genome": "${{ stages.genome.outputs.genome }}" } },
          { "id": "dataset", "uses": "build-dataset@1", "with": { "genome": "${{ stages.genome.outputs.genome }}", "mutations": "${{ stages.mutations.outputs.mutations }}", "length": 1024, "train-lines": 2, "test-lines": 1, "max-per-line": 2 } },
          { "id": "finetune", "uses": "finetune@1", "with": { "dataset": "${{ stages.dataset.outputs.dataset }}", "arm": "random", "config": "tiny-1k", "epochs": 1, "batch": 4, "warmup-steps": 1, "seed": "${{ matrix.seed }}", "device": "cpu" }, "matrix": { "seed": [1, 2] } },
          { "id": "evaluate", "uses": "evaluate@1", "with": { "dataset": "${{ stages.dataset.outputs.dataset }}", "weights": "${{ stages.finetune.outputs.weights }}", "device": "cpu" }, "matrix": { "seed": [1, 2] } },
          { "id": "compare", "uses": "compare@1", "with": { "results": "${{ stages.evaluate.outputs.metrics }}", "labels": ["seed 1", "seed 2"], "title": "Mini study" } } ] }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hf-e2e-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_small_study_runs_end_to_end_and_a_second_run_is_fully_cached()
    {
        await using var runtime = new WorkflowRuntime(
            new RuntimeOptions { DatabasePath = Path.Combine(_root, "hyenaflow.db") },
            new ActivityRegistry(BuiltInActivities.All()),
            new LocalArtifactStore(Path.Combine(_root, "artifacts")));
        Assert.True(await runtime.TryStartAsync(CancellationToken.None));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        var queries = new RunQueries(runtime.Database);

        var first = await runtime.SubmitAsync(Workflow, new Dictionary<string, JsonNode>(), limit.Token);
        var run = await runtime.WaitAsync(first, limit.Token);
        var stages = await queries.StagesAsync(first, limit.Token);
        Assert.True(run.Status == RunStatus.Succeeded, $"{run.Status}: {run.Error}");
        Assert.Equal(9, stages.Count);
        Assert.All(stages, s => Assert.Equal(StageStatus.Succeeded, s.Status));
        var table = JsonNode.Parse(stages.Single(s => s.StageId == "compare").OutputsJson!)!["table"]!.GetValue<string>();
        Assert.Contains("**Mini study**", table);
        Assert.Contains("| | seed 1 | seed 2 |", table);
        Assert.Matches(@"\| Top accuracy \| [01]\.\d{4} \| [01]\.\d{4} \|", table);

        var second = await runtime.SubmitAsync(Workflow, new Dictionary<string, JsonNode>(), limit.Token);
        Assert.Equal(RunStatus.Succeeded, (await runtime.WaitAsync(second, limit.Token)).Status);
        var cached = await queries.StagesAsync(second, limit.Token);
        Assert.All(cached, s => Assert.Equal(StageStatus.Cached, s.Status));
        Assert.Equal(table, JsonNode.Parse(cached.Single(s => s.StageId == "compare").OutputsJson!)!["table"]!.GetValue<string>());
    }
}
