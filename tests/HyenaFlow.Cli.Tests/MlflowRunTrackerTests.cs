using System.Text.Json.Nodes;
using HyenaFlow.Cli.Hosting;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Tracking;
using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Tests;

/// <summary>The runtime's MLflow reporting, written to a real mlruns/ folder and read back through the same client.</summary>
public sealed class MlflowRunTrackerTests
{
    [Fact]
    public async Task AWorkflowRunIsAParentRunAndEachStageAChildRun()
    {
        using var dir = new TempDirectory("mlflow-tracker");
        var client = new FileMlflowClient(dir.File("mlruns"));
        var tracker = new MlflowRunTracker(client, "hyenaflow");

        await tracker.RunStartedAsync("run-1", "demo", [KeyValuePair.Create<string, JsonNode?>("seed", 42)], default);
        await tracker.StageFinishedAsync(Stage("run-1", "evaluate[arm=1k-random]", "evaluate@1",
            new Dictionary<string, JsonNode> { ["dataset"] = "artifact:dir:ab:12" },
            new Dictionary<string, JsonNode> { ["accuracy"] = 0.75, ["weights"] = "artifact:file:cd:34" }), default);
        await tracker.RunFinishedAsync("run-1", succeeded: true, default);

        string experiment = await client.GetOrCreateExperimentAsync("hyenaflow");
        var runs = await client.SearchRunsAsync(experiment);
        MlflowRun parent = Assert.Single(runs, r => r.ParentRunId is null);
        MlflowRun child = Assert.Single(runs, r => r.ParentRunId is not null);
        Assert.Equal(RunStatus.Finished, parent.Info.Status);
        Assert.Equal("42", parent.Params["seed"]);
        Assert.Equal("demo", parent.Tags["hyenaflow.workflow"]);
        Assert.Equal(parent.Info.RunId, child.ParentRunId);
        Assert.Equal("evaluate[arm=1k-random]", child.Info.RunName);
        Assert.Equal(RunStatus.Finished, child.Info.Status);
        Assert.Equal("artifact:dir:ab:12", child.Params["dataset"]);
        Assert.Equal(0.75, Assert.Single(child.LatestMetrics, m => m.Key == "accuracy").Value);
        Assert.Equal("artifact:file:cd:34", child.Tags["output.weights"]);
    }

    [Fact]
    public async Task AStagesMetricsKeepTheirStepsAndItsReportFilesBecomeArtifactsOfItsChildRun()
    {
        using var dir = new TempDirectory("mlflow-tracker");
        var client = new FileMlflowClient(dir.File("mlruns"));
        var tracker = new MlflowRunTracker(client, "hyenaflow");
        var png = dir.File("loss.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47]);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        await tracker.RunStartedAsync("run-3", "demo", [], default);
        await tracker.StageFinishedAsync(Stage("run-3", "finetune", "finetune@1", [], new Dictionary<string, JsonNode> { ["best-accuracy"] = 0.9 }) with
        {
            Metrics = [new TrackedMetric("train/loss", 0.7, 1, at), new TrackedMetric("train/loss", 0.5, 2, at.AddSeconds(1))],
            Files = [new TrackedFile("plots/loss.png", png)],
        }, default);

        string experiment = await client.GetOrCreateExperimentAsync("hyenaflow");
        MlflowRun child = Assert.Single(await client.SearchRunsAsync(experiment), r => r.ParentRunId is not null);
        // MLflow's file store: one line per value, "timestamp value step".
        var history = await File.ReadAllLinesAsync(Path.Combine(dir.File("mlruns"), experiment, child.Info.RunId, "metrics", "train", "loss"));
        Assert.Equal(["1700000000000 0.7 1", "1700000001000 0.5 2"], history);
        Assert.Equal(0.9, Assert.Single(child.LatestMetrics, m => m.Key == "best-accuracy").Value);
        var artifact = Path.Combine(dir.File("mlruns"), experiment, child.Info.RunId, "artifacts", "plots", "loss.png");
        Assert.Equal(await File.ReadAllBytesAsync(png), await File.ReadAllBytesAsync(artifact));
    }

    [Fact]
    public async Task LinksPointAtTheTrackingServersPagesOfTheRunAndItsStages()
    {
        using var dir = new TempDirectory("mlflow-tracker");
        var client = new FileMlflowClient(dir.File("mlruns"));
        Assert.Null(await new MlflowRunTracker(client, "hyenaflow").LinksAsync("run-4", default));

        var tracker = new MlflowRunTracker(client, "hyenaflow", new Uri("http://127.0.0.1:5000/"));
        await tracker.RunStartedAsync("run-4", "demo", [], default);
        await tracker.StageFinishedAsync(Stage("run-4", "compare", "compare@1", [], []), default);

        var links = await tracker.LinksAsync("run-4", default);
        string experiment = await client.GetOrCreateExperimentAsync("hyenaflow");
        var runs = await client.SearchRunsAsync(experiment);
        Assert.NotNull(links);
        Assert.Equal($"http://127.0.0.1:5000/#/experiments/{experiment}/runs/{runs.Single(r => r.ParentRunId is null).Info.RunId}", links.Run.ToString());
        Assert.Equal($"http://127.0.0.1:5000/#/experiments/{experiment}/runs/{runs.Single(r => r.ParentRunId is not null).Info.RunId}", links.Stages["compare"].ToString());
    }

    private static TrackedStage Stage(string runId, string stageId, string activity, Dictionary<string, JsonNode> inputs, Dictionary<string, JsonNode> outputs) =>
        new(runId, stageId, activity, Succeeded: true, inputs, outputs, [], []);

    [Fact]
    public async Task StartingARunAgainMarksWhatAnEarlierProcessLeftRunningKilled()
    {
        using var dir = new TempDirectory("mlflow-tracker");
        var client = new FileMlflowClient(dir.File("mlruns"));
        await new MlflowRunTracker(client, "hyenaflow").RunStartedAsync("run-2", "demo", [], default);
        string experiment = await client.GetOrCreateExperimentAsync("hyenaflow");

        // What a crashed process leaves behind: its parent run still RUNNING.
        var restarted = new MlflowRunTracker(client, "hyenaflow");
        await restarted.RunStartedAsync("run-2", "demo", [], default);

        var runs = await client.SearchRunsAsync(experiment);
        MlflowRun parent = Assert.Single(runs);
        Assert.Equal(RunStatus.Killed, parent.Info.Status);
    }
}
