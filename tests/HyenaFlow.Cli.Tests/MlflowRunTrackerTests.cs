using System.Text.Json.Nodes;
using HyenaFlow.Cli.Hosting;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Tracking;
using HyenaFlow.Tracking.FileStore;

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
        await tracker.StageFinishedAsync("run-1", "evaluate[arm=1k-random]", "evaluate@1", succeeded: true,
            new Dictionary<string, JsonNode> { ["dataset"] = "artifact:dir:ab:12" },
            new Dictionary<string, JsonNode> { ["accuracy"] = 0.75, ["weights"] = "artifact:file:cd:34" }, default);
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
