using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Tracking.Rest;
using HyenaFlow.Tracking.Tests.Support;

namespace HyenaFlow.Tracking.Tests;

public sealed class MlflowTrackerTests : IDisposable
{
    private readonly MlflowTestServer _server = new();
    private readonly HttpClient _http = new();
    private readonly TempDirectory _temp = new("tracker");

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Metrics_are_buffered_and_sent_in_batches_of_at_most_1000()
    {
        var client = new RestMlflowClient(_http, _server.Uri);
        var tracker = await MlflowTracker.StartAsync(client, "hyena", "train", options: new MlflowTrackerOptions { FlushInterval = TimeSpan.FromHours(1) });

        for (var step = 0; step < 2500; step++)
        {
            tracker.LogMetric("train/loss", 1.0 / (step + 1), step);
        }

        var sentBeforeEnd = _server.RequestsTo("runs/log-batch").Sum(r => r.Metrics);
        tracker.End();

        Assert.Equal(2000, sentBeforeEnd);
        Assert.Equal([1000, 1000, 500], _server.RequestsTo("runs/log-batch").Select(r => r.Metrics));
        var run = _server.Snapshot(tracker.RunId);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), run.Metrics.Select(m => m.Step));
        Assert.Equal("FINISHED", run.Status);
        Assert.Throws<InvalidOperationException>(() => tracker.LogMetric("late", 1, 1));
    }

    [Fact]
    public async Task Buffered_metrics_go_out_once_the_flush_interval_has_passed()
    {
        var clock = new ManualClock();
        var client = new RestMlflowClient(_http, _server.Uri);
        var tracker = await MlflowTracker.StartAsync(client, "hyena", "train", options: new MlflowTrackerOptions { FlushInterval = TimeSpan.FromSeconds(10), TimeProvider = clock });

        tracker.LogMetric("loss", 1, 1);
        clock.Advance(TimeSpan.FromSeconds(5));
        tracker.LogMetric("loss", 0.5, 2);
        var before = _server.RequestsTo("runs/log-batch").Count;
        clock.Advance(TimeSpan.FromSeconds(6));
        tracker.LogMetric("loss", 0.25, 3);

        Assert.Equal(0, before);
        Assert.Equal([3], _server.RequestsTo("runs/log-batch").Select(r => r.Metrics));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), _server.Snapshot(tracker.RunId).Metrics[^1].Timestamp);
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("file")]
    public async Task A_workflow_is_a_parent_run_with_one_child_per_stage(string store)
    {
        IMlflowClient client = store == "rest" ? new RestMlflowClient(_http, _server.Uri) : new FileMlflowClient(_temp.File("mlruns"));
        var plot = _temp.File("confusion.png");
        File.WriteAllBytes(plot, [9, 9]);

        await using (var workflow = await MlflowTracker.StartAsync(client, "hyena", "workflow-42", new Dictionary<string, string> { ["hyenaflow.workflowRunId"] = "42" }))
        {
            workflow.LogParams(new Dictionary<string, string> { ["seed"] = "1" });
            await using (var train = await workflow.StartChildAsync("train"))
            {
                train.LogParams(new Dictionary<string, string> { ["lr"] = "0.0006", ["epochs"] = "2" });
                train.LogMetric("loss", 0.9, 1);
                train.LogMetric("loss", 0.4, 2);
                train.SetTag("checkpoint", "artifacts://runs/42/train/checkpoint.pt");
                train.End();
            }

            await using (var evaluate = await workflow.StartChildAsync("evaluate"))
            {
                evaluate.LogMetric("accuracy", 0.875, 2);
                evaluate.LogArtifact(plot, "plots");
                evaluate.End();
            }

            workflow.End();
        }

        var experiment = await client.GetOrCreateExperimentAsync("hyena");
        var runs = await client.SearchRunsAsync(experiment);
        var parent = Assert.Single(runs, r => r.Info.RunName == "workflow-42");
        var trainRun = Assert.Single(runs, r => r.Info.RunName == "train");
        var evalRun = Assert.Single(runs, r => r.Info.RunName == "evaluate");
        Assert.Null(parent.ParentRunId);
        Assert.Equal(parent.Info.RunId, trainRun.ParentRunId);
        Assert.Equal(parent.Info.RunId, evalRun.ParentRunId);
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Info.Status));
        Assert.Equal(("loss", 0.4, 2L), Assert.Single(trainRun.LatestMetrics) is var m ? (m.Key, m.Value, m.Step) : default);
        Assert.Equal("0.0006", trainRun.Params["lr"]);
        Assert.Equal("artifacts://runs/42/train/checkpoint.pt", trainRun.Tags["checkpoint"]);
        Assert.Equal(0.875, Assert.Single(evalRun.LatestMetrics).Value);
        if (store == "rest")
        {
            Assert.Equal([9, 9], _server.Artifacts[$"{experiment}/{evalRun.Info.RunId}/artifacts/plots/confusion.png"]);
        }
        else
        {
            Assert.Equal([9, 9], File.ReadAllBytes(Path.Combine(_temp.File("mlruns"), experiment, evalRun.Info.RunId, "artifacts", "plots", "confusion.png")));
        }
    }

    [Fact]
    public async Task A_tracker_disposed_without_End_flushes_and_fails_its_run()
    {
        var client = new FileMlflowClient(_temp.File("mlruns"));
        string runId;
        await using (var tracker = await MlflowTracker.StartAsync(client, "hyena", "train"))
        {
            runId = tracker.RunId;
            tracker.LogMetric("loss", 2.5, 1);
        }

        var run = await client.GetRunAsync(runId);
        Assert.Equal(RunStatus.Failed, run.Info.Status);
        Assert.Equal(2.5, Assert.Single(run.LatestMetrics).Value);
    }

    [Fact]
    public async Task A_param_changed_within_a_run_fails_at_the_call()
    {
        var client = new FileMlflowClient(_temp.File("mlruns"));
        var tracker = await MlflowTracker.StartAsync(client, "hyena", "train");
        tracker.LogParam("lr", "0.001");
        tracker.LogParam("lr", "0.001");

        var error = Assert.Throws<MlflowException>(() => tracker.LogParam("lr", "0.01"));
        Assert.Contains("'lr'", error.Message);
        Assert.Throws<MlflowException>(() => tracker.LogMetric("bad key!", 1, 0));
        tracker.End(RunStatus.Killed);
        Assert.Equal(RunStatus.Killed, (await client.GetRunAsync(tracker.RunId)).Info.Status);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
