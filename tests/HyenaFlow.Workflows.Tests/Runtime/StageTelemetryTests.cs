using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.Data.Sqlite;

namespace HyenaFlow.Workflows.Tests.Runtime;

/// <summary>Metrics and report files an activity logs reach the runtime's tables and the run tracker.</summary>
public sealed class StageTelemetryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private const string Workflow = """
        { "id": "telemetry", "version": 1, "stages": [ { "id": "train", "uses": "curve@1", "with": { "steps": 5 } } ] }
        """;

    [Fact]
    public async Task Metrics_and_files_are_kept_with_the_stage_and_handed_to_the_tracker()
    {
        await using var fixture = new RuntimeFixture();
        var tracker = new RecordingTracker();
        await using var runtime = new WorkflowRuntime(fixture.Options, new ActivityRegistry([new CurveActivity()]), fixture.Store, tracker);
        await runtime.StartAsync(CancellationToken.None);

        var runId = await runtime.SubmitAsync(Workflow, new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var queries = new RunQueries(runtime.Database);
        var metrics = await queries.MetricsAsync(runId, "train", CancellationToken.None);
        // Step 2 was reported twice (as a resumed attempt would): the later value replaced the first.
        Assert.Equal([0L, 1, 2, 3, 4], metrics.Where(m => m.Key == "train/loss").Select(m => m.Step));
        Assert.Equal(0.25, metrics.Single(m => m.Key == "train/loss" && m.Step == 2).Value);
        Assert.Equal(0.001, metrics.Single(m => m.Key == "train/lr" && m.Step == 4).Value);
        Assert.DoesNotContain(metrics, m => m.Key == "diverged"); // NaN has no place in a curve (and MLflow refuses it)

        var files = await queries.FilesAsync(runId, CancellationToken.None);
        Assert.Equal(["plots/curve.txt", "summary.txt"], files.Select(f => f.Path));

        var tracked = Assert.Single(tracker.Stages);
        Assert.True(tracked.Succeeded);
        Assert.Equal(11, tracked.Metrics.Count);
        Assert.Equal(["plots/curve.txt", "summary.txt"], tracked.Files.Select(f => f.Path));
        Assert.Equal("loss by step", tracker.FileContents["plots/curve.txt"]);
        // The local copies exist only during the tracker's call.
        Assert.All(tracked.Files, f => Assert.False(File.Exists(f.LocalFile)));
    }

    [Fact]
    public async Task A_report_folder_that_climbs_out_is_refused()
    {
        await using var fixture = new RuntimeFixture();
        await using var runtime = new WorkflowRuntime(fixture.Options, new ActivityRegistry([new CurveActivity()]), fixture.Store);
        await runtime.StartAsync(CancellationToken.None);

        var runId = await runtime.SubmitAsync(Workflow.Replace("\"steps\": 5", "\"steps\": 5, \"folder\": \"../../etc\""), new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("report folder '../../etc' must be a relative path of plain names", run.Error ?? (await new RunQueries(runtime.Database).StagesAsync(runId, CancellationToken.None)).Single().Error);
    }

    [Fact]
    public async Task A_database_of_schema_version_1_gains_the_telemetry_tables_and_keeps_its_runs()
    {
        await using var fixture = new RuntimeFixture();
        var database = new RuntimeDatabase(fixture.Options.DatabasePath);
        database.Initialize();
        await using (var db = database.Open())
        {
            db.Runs.Add(new RunRecord { Id = "old", WorkflowId = "w", DefinitionJson = "{}", ParametersJson = "{}", Status = RunStatus.Succeeded, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        // What a version 1 file looked like: no metric or file tables.
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE hf_metrics; DROP TABLE hf_stage_files; PRAGMA user_version = 1;";
            await command.ExecuteNonQueryAsync();
        }

        new RuntimeDatabase(fixture.Options.DatabasePath).Initialize();

        await using var upgraded = database.Open();
        Assert.Single(upgraded.Runs, r => r.Id == "old");
        Assert.Empty(upgraded.Metrics);
        Assert.Empty(upgraded.StageFiles);
    }

    /// <summary>curve@1: a fake training loop that logs a loss and a learning rate per step and two report files.</summary>
    private sealed class CurveActivity : IActivity
    {
        public ActivityDescriptor Descriptor { get; } = new("curve", "1", "test", "logs a curve",
            [
                new InputDescriptor("steps", DataType.Integer, true, null, "steps"),
                new InputDescriptor("folder", DataType.String, false, JsonValue.Create("plots"), "report folder"),
            ],
            [new OutputDescriptor("final", DataType.Number, "last loss")],
            Resources.Cpu);

        public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
        {
            var steps = inputs["steps"].GetValue<int>();
            for (var step = 0; step < steps; step++)
            {
                context.LogMetric("train/loss", 1.0 / (step + 1), step);
                context.LogMetric("train/lr", 0.001, step);
            }

            context.LogMetric("train/loss", 0.25, 2);
            context.LogMetric("diverged", double.NaN, 0);
            context.LogMetric("test/accuracy", 0.5, steps);
            var curve = Path.Combine(context.WorkingDirectory, "curve.txt");
            await File.WriteAllTextAsync(curve, "loss by step", cancellationToken);
            await context.LogFileAsync(curve, inputs["folder"].GetValue<string>(), cancellationToken);
            var summary = Path.Combine(context.WorkingDirectory, "summary.txt");
            await File.WriteAllTextAsync(summary, "done", cancellationToken);
            await context.LogFileAsync(summary, null, cancellationToken);
            return new Dictionary<string, JsonNode> { ["final"] = JsonValue.Create(1.0 / steps) };
        }
    }

    private sealed class RecordingTracker : IRunTracker
    {
        public ConcurrentQueue<TrackedStage> Stages { get; } = new();

        public ConcurrentDictionary<string, string> FileContents { get; } = new();

        public Task RunStartedAsync(string runId, string workflowId, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StageFinishedAsync(TrackedStage stage, CancellationToken cancellationToken)
        {
            Stages.Enqueue(stage);
            foreach (var file in stage.Files)
                FileContents[file.Path] = File.ReadAllText(file.LocalFile);
            return Task.CompletedTask;
        }

        public Task RunFinishedAsync(string runId, bool succeeded, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<TrackingLinks?> LinksAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<TrackingLinks?>(null);
    }
}
