using System.Text.Json;
using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Tracking.Tests.Support;

namespace HyenaFlow.Tracking.Tests;

public sealed class FileMlflowClientTests : IDisposable
{
    private readonly TempDirectory _temp = new("mlruns");
    private readonly FileMlflowClient _client;

    public FileMlflowClientTests()
    {
        _client = new FileMlflowClient(Path.Combine(_temp.Path, "mlruns"));
    }

    private string Root => _client.Root;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_store_holds_the_default_experiment_0()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "0", "meta.yaml"));

        Assert.Equal(6, lines.Length);
        Assert.Equal($"artifact_location: {new Uri(Path.Combine(Root, "0")).AbsoluteUri}", lines[0]);
        Assert.Matches(@"^creation_time: \d{13}$", lines[1]);
        Assert.Equal("experiment_id: '0'", lines[2]);
        Assert.Matches(@"^last_update_time: \d{13}$", lines[3]);
        Assert.Equal("lifecycle_stage: active", lines[4]);
        Assert.Equal("name: Default", lines[5]);
        Assert.True(Directory.Exists(Path.Combine(Root, ".trash")));
    }

    [Fact]
    public async Task Experiments_are_numbered_and_found_again_by_name_from_a_fresh_client()
    {
        var first = await _client.GetOrCreateExperimentAsync("hyena: run 'A'");
        var second = await _client.GetOrCreateExperimentAsync("2024");
        var reopened = new FileMlflowClient(Root);

        Assert.Equal("1", first);
        Assert.Equal("2", second);
        Assert.Equal(first, await reopened.GetOrCreateExperimentAsync("hyena: run 'A'"));
        Assert.Equal("0", await reopened.GetOrCreateExperimentAsync("Default"));
        Assert.Contains("name: 'hyena: run ''A'''", File.ReadAllLines(Path.Combine(Root, "1", "meta.yaml")));
        Assert.Contains("name: '2024'", File.ReadAllLines(Path.Combine(Root, "2", "meta.yaml")));
    }

    [Fact]
    public async Task A_run_has_the_documented_folders_meta_yaml_and_system_tags()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        var parent = await _client.CreateRunAsync(experiment, "workflow");
        var runId = await _client.CreateRunAsync(experiment, "train", new Dictionary<string, string> { ["stage"] = "fine-tune" }, parent);

        Assert.Matches("^[0-9a-f]{32}$", runId);
        var runDir = Path.Combine(Root, experiment, runId);
        foreach (var folder in new[] { "metrics", "params", "tags", "artifacts" })
        {
            Assert.True(Directory.Exists(Path.Combine(runDir, folder)), folder);
        }

        var meta = File.ReadAllLines(Path.Combine(runDir, "meta.yaml"));
        Assert.Equal(
            ["artifact_uri", "end_time", "entry_point_name", "experiment_id", "lifecycle_stage", "run_id", "run_name", "run_uuid",
             "source_name", "source_type", "source_version", "start_time", "status", "tags", "user_id"],
            meta.Select(l => l[..l.IndexOf(':')]));
        var fields = meta.ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 2)..]);
        Assert.Equal(new Uri(Path.Combine(runDir, "artifacts")).AbsoluteUri, fields["artifact_uri"]);
        Assert.Equal("null", fields["end_time"]);
        Assert.Equal("''", fields["entry_point_name"]);
        Assert.Equal("'1'", fields["experiment_id"]);
        Assert.Equal("active", fields["lifecycle_stage"]);
        Assert.Equal(runId, fields["run_id"].Trim('\''));
        Assert.Equal(fields["run_id"], fields["run_uuid"]);
        Assert.Equal("train", fields["run_name"]);
        Assert.Equal("''", fields["source_name"]);
        Assert.Equal("4", fields["source_type"]);
        Assert.Equal("''", fields["source_version"]);
        Assert.Matches(@"^\d{13}$", fields["start_time"]);
        Assert.Equal("1", fields["status"]);
        Assert.Equal("[]", fields["tags"]);
        Assert.Equal(Environment.UserName, fields["user_id"].Trim('\''));

        Assert.Equal("train", File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.runName")));
        Assert.Equal(Environment.UserName, File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.user")));
        Assert.Equal(parent, File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.parentRunId")));
        Assert.Equal("fine-tune", File.ReadAllText(Path.Combine(runDir, "tags", "stage")));
        Assert.False(File.Exists(Path.Combine(Root, experiment, parent, "tags", "mlflow.parentRunId")));
    }

    [Fact]
    public async Task Metrics_params_and_tags_use_the_documented_file_formats()
    {
        var (experiment, runId) = await NewRunAsync();
        await _client.LogBatchAsync(
            runId,
            [new MlflowMetric("train/loss", 0.5, 1_700_000_000_000, 0), new MlflowMetric("train/loss", 0.25, 1_700_000_000_500, 10), new MlflowMetric("acc", 1, 1_700_000_000_001, 3)],
            [new MlflowParam("model/d_model", "256"), new MlflowParam("lr", "0.0006")],
            [new MlflowTag("checkpoint", "blob://checkpoints/abc")]);
        await _client.LogBatchAsync(runId, [new MlflowMetric("train/loss", double.NaN, 1_700_000_001_000, 11)]);

        var runDir = Path.Combine(Root, experiment, runId);
        Assert.Equal(
            "1700000000000 0.5 0\n1700000000500 0.25 10\n1700000001000 nan 11\n",
            File.ReadAllText(Path.Combine(runDir, "metrics", "train", "loss")));
        Assert.Equal("1700000000001 1.0 3\n", File.ReadAllText(Path.Combine(runDir, "metrics", "acc")));
        Assert.Equal("256", File.ReadAllText(Path.Combine(runDir, "params", "model", "d_model")));
        Assert.Equal("0.0006", File.ReadAllText(Path.Combine(runDir, "params", "lr")));
        Assert.Equal("blob://checkpoints/abc", File.ReadAllText(Path.Combine(runDir, "tags", "checkpoint")));
        Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));

        var run = await _client.GetRunAsync(runId);
        var loss = Assert.Single(run.LatestMetrics, m => m.Key == "train/loss");
        Assert.Equal(11, loss.Step);
        Assert.True(double.IsNaN(loss.Value));
        Assert.Equal("256", run.Params["model/d_model"]);
        Assert.Equal("blob://checkpoints/abc", run.Tags["checkpoint"]);
    }

    [Fact]
    public async Task A_param_logged_again_with_another_value_fails_like_the_server_and_writes_nothing()
    {
        var (experiment, runId) = await NewRunAsync();
        await _client.LogBatchAsync(runId, parameters: [new MlflowParam("lr", "0.001")]);
        await _client.LogBatchAsync(runId, parameters: [new MlflowParam("lr", "0.001")]);

        var error = await Assert.ThrowsAsync<MlflowException>(() =>
            _client.LogBatchAsync(runId, [new MlflowMetric("loss", 1, 1, 0)], [new MlflowParam("lr", "0.01")]));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains("key='lr'", error.Message);
        Assert.Equal("0.001", File.ReadAllText(Path.Combine(Root, experiment, runId, "params", "lr")));
        Assert.False(File.Exists(Path.Combine(Root, experiment, runId, "metrics", "loss")));
    }

    [Fact]
    public async Task Bad_keys_and_values_are_refused_naming_the_key()
    {
        var (_, runId) = await NewRunAsync();

        var traversal = await Assert.ThrowsAsync<MlflowException>(() => _client.LogBatchAsync(runId, [new MlflowMetric("../escape", 1, 1, 0)]));
        var longValue = await Assert.ThrowsAsync<MlflowException>(() => _client.SetTagAsync(runId, "notes", new string('x', 8001)));
        var missing = await Assert.ThrowsAsync<MlflowException>(() => _client.GetRunAsync("ffffffffffffffffffffffffffffffff"));

        Assert.Contains("'../escape'", traversal.Message);
        Assert.Contains("'notes'", longValue.Message);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", missing.ErrorCode);
    }

    [Fact]
    public async Task Update_artifacts_and_run_name_tag_rewrite_meta_yaml()
    {
        var (experiment, runId) = await NewRunAsync();
        var plot = _temp.File("loss.png");
        File.WriteAllBytes(plot, [1, 2, 3]);

        await _client.LogArtifactAsync(runId, plot, "plots");
        await _client.SetTagAsync(runId, MlflowTags.RunName, "renamed");
        await _client.UpdateRunAsync(runId, RunStatus.Finished, 1_700_000_009_999);

        var runDir = Path.Combine(Root, experiment, runId);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(runDir, "artifacts", "plots", "loss.png")));
        var meta = File.ReadAllLines(Path.Combine(runDir, "meta.yaml"));
        Assert.Contains("status: 3", meta);
        Assert.Contains("end_time: 1700000009999", meta);
        Assert.Contains("run_name: renamed", meta);
        var run = await _client.GetRunAsync(runId);
        Assert.Equal((RunStatus.Finished, 1_700_000_009_999L, "renamed"), (run.Info.Status, run.Info.EndTimeMs, run.Info.RunName));
    }

    [Fact]
    public async Task Stale_running_runs_are_marked_killed_and_children_found_by_parent()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        var parent = await _client.CreateRunAsync(experiment, "workflow");
        var train = await _client.CreateRunAsync(experiment, "train", parentRunId: parent);
        var evaluate = await _client.CreateRunAsync(experiment, "evaluate", parentRunId: parent);
        await _client.UpdateRunAsync(evaluate, RunStatus.Finished, 1);

        var children = await _client.SearchRunsAsync(experiment, new RunSearchFilter(Tags: new Dictionary<string, string> { [MlflowTags.ParentRunId] = parent }));
        // After a crash, everything this runtime no longer runs is stale.
        var marked = await _client.MarkStaleRunsAsync(experiment, _ => true, RunStatus.Killed);

        Assert.Equal(new[] { evaluate, train }.Order(), children.Select(r => r.Info.RunId).Order());
        Assert.Equal(new[] { parent, train }.Order(), marked.Order());
        Assert.Equal(RunStatus.Killed, (await _client.GetRunAsync(train)).Info.Status);
        Assert.NotNull((await _client.GetRunAsync(parent)).Info.EndTimeMs);
        Assert.Equal(RunStatus.Finished, (await _client.GetRunAsync(evaluate)).Info.Status);
        Assert.Empty(await _client.SearchRunsAsync(experiment, new RunSearchFilter(RunStatus.Running)));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.MarkStaleRunsAsync(experiment, _ => true, RunStatus.Finished));
    }

    [Fact]
    public async Task Meta_yaml_reads_back_in_PyYAML_as_MLflow_expects()
    {
        if (!PyYaml.Available)
        {
            return; // No PyYAML on this machine: the field-by-field checks above still hold.
        }

        var experiment = await _client.GetOrCreateExperimentAsync("yes: 'quoted' #name");
        var runId = await _client.CreateRunAsync(experiment, "0123");
        await _client.UpdateRunAsync(runId, RunStatus.Failed, 1_700_000_000_123);

        var experimentMeta = PyYaml.Load(Path.Combine(Root, experiment, "meta.yaml"));
        var runMeta = PyYaml.Load(Path.Combine(Root, experiment, runId, "meta.yaml"));

        Assert.Equal("yes: 'quoted' #name", experimentMeta.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, experimentMeta.GetProperty("experiment_id").ValueKind);
        Assert.Equal(experiment, experimentMeta.GetProperty("experiment_id").GetString());
        Assert.Equal("active", experimentMeta.GetProperty("lifecycle_stage").GetString());
        Assert.Equal(JsonValueKind.Number, experimentMeta.GetProperty("creation_time").ValueKind);
        Assert.Equal(runId, runMeta.GetProperty("run_id").GetString());
        Assert.Equal(runId, runMeta.GetProperty("run_uuid").GetString());
        Assert.Equal("0123", runMeta.GetProperty("run_name").GetString());
        Assert.Equal(experiment, runMeta.GetProperty("experiment_id").GetString());
        Assert.Equal(4, runMeta.GetProperty("status").GetInt32());
        Assert.Equal(4, runMeta.GetProperty("source_type").GetInt32());
        Assert.Equal(1_700_000_000_123, runMeta.GetProperty("end_time").GetInt64());
        Assert.Equal("", runMeta.GetProperty("entry_point_name").GetString());
        Assert.Equal(0, runMeta.GetProperty("tags").GetArrayLength());
        Assert.Equal(Environment.UserName, runMeta.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Runs_written_by_MLflow_itself_are_read()
    {
        // meta.yaml as MLflow's Python file store writes it (PyYAML block style, plain run ids, long-line folding).
        var experimentDir = Path.Combine(Root, "7");
        var runId = "5f2c0d8e9a1b4c3d8e7f6a5b4c3d2e1f";
        Directory.CreateDirectory(Path.Combine(experimentDir, runId, "metrics"));
        File.WriteAllText(Path.Combine(experimentDir, "meta.yaml"), "artifact_location: file:///tmp/mlruns/7\ncreation_time: 1700000000000\nexperiment_id: '7'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: python made\n");
        File.WriteAllText(
            Path.Combine(experimentDir, runId, "meta.yaml"),
            $"artifact_uri: file:///tmp/mlruns/7/{runId}/artifacts\nend_time: null\nentry_point_name: ''\nexperiment_id: '7'\nlifecycle_stage: active\nrun_id: {runId}\nrun_name: a rather long\n  run name\nrun_uuid: {runId}\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 1700000000000\nstatus: 1\ntags: []\nuser_id: alice\n");
        File.WriteAllText(Path.Combine(experimentDir, runId, "metrics", "loss"), "1700000000000 1.5 0\n1700000000001 1e-05 1\n1700000000002 0.7\n");

        var run = await _client.GetRunAsync(runId);

        Assert.Equal("7", await _client.GetOrCreateExperimentAsync("python made"));
        Assert.Equal("a rather long run name", run.Info.RunName);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Null(run.Info.EndTimeMs);
        Assert.Equal(new MlflowMetric("loss", 1e-05, 1_700_000_000_001, 1), Assert.Single(run.LatestMetrics));
    }

    private async Task<(string Experiment, string RunId)> NewRunAsync()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        return (experiment, await _client.CreateRunAsync(experiment, "run"));
    }
}
