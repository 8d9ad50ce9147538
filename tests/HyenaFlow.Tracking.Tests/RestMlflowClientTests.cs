using System.Text;
using System.Text.Json;
using HyenaFlow.Tracking.Rest;
using HyenaFlow.Tracking.Tests.Support;

namespace HyenaFlow.Tracking.Tests;

public sealed class RestMlflowClientTests : IDisposable
{
    private readonly MlflowTestServer _server = new();
    private readonly HttpClient _http = new();
    private readonly RestMlflowClient _client;

    public RestMlflowClientTests()
    {
        _client = new RestMlflowClient(_http, _server.Uri, new RestMlflowOptions { InitialBackoff = TimeSpan.FromMilliseconds(5), MaxAttempts = 4 });
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Experiment_is_created_after_a_404_from_get_by_name_and_found_afterwards()
    {
        var id = await _client.GetOrCreateExperimentAsync("hyena");
        var again = await _client.GetOrCreateExperimentAsync("hyena");

        Assert.Equal(id, again);
        var lookups = _server.RequestsTo("experiments/get-by-name");
        Assert.Equal([404, 200], lookups.Select(r => r.Status));
        Assert.Single(_server.RequestsTo("experiments/create"));
    }

    [Fact]
    public async Task Child_run_carries_name_user_and_parent_tags()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        var parent = await _client.CreateRunAsync(experiment, "workflow", new Dictionary<string, string> { ["workflow"] = "w1" });
        var child = await _client.CreateRunAsync(experiment, "train", parentRunId: parent);

        Assert.Matches("^[0-9a-f]{32}$", child);
        var tags = _server.Snapshot(child).Tags;
        Assert.Equal("train", tags["mlflow.runName"]);
        Assert.Equal(Environment.UserName, tags["mlflow.user"]);
        Assert.Equal(parent, tags["mlflow.parentRunId"]);
        Assert.Equal("w1", _server.Snapshot(parent).Tags["workflow"]);
        Assert.False(_server.Snapshot(parent).Tags.ContainsKey("mlflow.parentRunId"));
        var fetched = await _client.GetRunAsync(child);
        Assert.Equal(parent, fetched.ParentRunId);
        Assert.Equal(RunStatus.Running, fetched.Info.Status);
        Assert.Equal("train", fetched.Info.RunName);
    }

    [Fact]
    public async Task Metrics_2500_are_split_into_valid_requests_and_arrive_in_order()
    {
        var run = await NewRunAsync();
        var metrics = Enumerable.Range(0, 2500).Select(i => new MlflowMetric(i % 2 == 0 ? "train/loss" : "train/lr", i * 0.5, 1_700_000_000_000 + i, i)).ToList();

        await _client.LogBatchAsync(run, metrics);

        var batches = _server.RequestsTo("runs/log-batch");
        Assert.True(batches.Count >= 3, $"{batches.Count} requests");
        Assert.All(batches, b =>
        {
            Assert.Equal(200, b.Status);
            Assert.InRange(b.Metrics, 1, 1000);
            Assert.InRange(b.BodyBytes, 1, MlflowTestServer.MaxBodyBytes);
        });
        Assert.Equal(2500, batches.Sum(b => b.Metrics));
        var stored = _server.Snapshot(run).Metrics;
        Assert.Equal(metrics.Select(m => (m.Key, m.Value, m.TimestampMs, m.Step)), stored.Select(m => (m.Key, m.Value, m.Timestamp, m.Step)));
    }

    [Fact]
    public async Task Params_and_tags_beyond_100_per_request_are_split()
    {
        var run = await NewRunAsync();
        var parameters = Enumerable.Range(0, 250).Select(i => new MlflowParam($"p{i:D3}", $"v{i}")).ToList();
        var tags = Enumerable.Range(0, 150).Select(i => new MlflowTag($"t{i:D3}", $"v{i}")).ToList();

        await _client.LogBatchAsync(run, parameters: parameters, tags: tags);

        var batches = _server.RequestsTo("runs/log-batch");
        Assert.All(batches, b => Assert.True(b.Status == 200 && b.Params <= 100 && b.Tags <= 100));
        Assert.Equal(250, _server.Snapshot(run).Params.Count);
        Assert.Equal("v249", _server.Snapshot(run).Params["p249"]);
        Assert.Equal("v149", _server.Snapshot(run).Tags["t149"]);
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_are_split_by_size()
    {
        var run = await NewRunAsync();
        var parameters = Enumerable.Range(0, 100).Select(i => new MlflowParam($"p{i}", new string('p', 6000))).ToList();
        var tags = Enumerable.Range(0, 100).Select(i => new MlflowTag($"t{i}", new string('t', 8000))).ToList();

        await _client.LogBatchAsync(run, parameters: parameters, tags: tags);

        var batches = _server.RequestsTo("runs/log-batch");
        Assert.True(batches.Count >= 2);
        Assert.All(batches, b => Assert.True(b.Status == 200 && b.BodyBytes <= MlflowTestServer.MaxBodyBytes, $"{b.BodyBytes} bytes, status {b.Status}"));
        Assert.Equal(100, _server.Snapshot(run).Params.Count);
        Assert.Equal(100, _server.Snapshot(run).Tags.Count(t => t.Key.StartsWith('t')));
    }

    [Theory]
    [InlineData("key")]
    [InlineData("param")]
    [InlineData("tag")]
    public async Task Over_limit_keys_and_values_fail_before_sending_and_name_the_key(string what)
    {
        var run = await NewRunAsync();
        var longKey = "k" + new string('x', 250);
        var error = await Assert.ThrowsAsync<MlflowException>(() => what switch
        {
            "key" => _client.LogBatchAsync(run, [new MlflowMetric("ok", 1, 1, 0), new MlflowMetric(longKey, 1, 1, 0)]),
            "param" => _client.LogBatchAsync(run, parameters: [new MlflowParam("lr", new string('1', 6001))]),
            _ => _client.LogBatchAsync(run, tags: [new MlflowTag("notes", new string('n', 8001))]),
        });

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains(what switch { "key" => longKey[..40], "param" => "'lr'", _ => "'notes'" }, error.Message);
        Assert.Empty(_server.RequestsTo("runs/log-batch"));
    }

    [Fact]
    public async Task The_test_server_itself_rejects_requests_over_the_limits()
    {
        // Guards the other tests: the server must really enforce what the client is tested against.
        var run = await NewRunAsync();
        var tooMany = new { run_id = run, metrics = Enumerable.Range(0, 1001).Select(i => new { key = "m", value = 1.0, timestamp = 1L, step = (long)i }) };
        var response = await _http.PostAsync(new Uri(_server.Uri, "api/2.0/mlflow/runs/log-batch"), new StringContent(JsonSerializer.Serialize(tooMany), Encoding.UTF8, "application/json"));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", error.GetProperty("error_code").GetString());
        Assert.Contains("1000", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_run_is_resource_does_not_exist_and_not_retried()
    {
        var error = await Assert.ThrowsAsync<MlflowException>(() => _client.GetRunAsync("0123456789abcdef0123456789abcdef"));

        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
        Assert.Equal(404, error.HttpStatus);
        Assert.Single(_server.RequestsTo("runs/get"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(0)]
    public async Task Transient_failures_are_retried_until_success(int failure)
    {
        var run = await NewRunAsync();
        _server.FailNext("runs/log-batch", failure, failure);

        await _client.LogBatchAsync(run, [new MlflowMetric("loss", 0.25, 1, 7)]);

        Assert.Equal([failure, failure, 200], _server.RequestsTo("runs/log-batch").Select(r => r.Status));
        Assert.Equal(0.25, Assert.Single(_server.Snapshot(run).Metrics).Value);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_clearly_after_the_retries()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var closedUri = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)port.LocalEndpoint).Port}/");
        port.Stop();
        var client = new RestMlflowClient(_http, closedUri, new RestMlflowOptions { InitialBackoff = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<MlflowException>(() => client.GetOrCreateExperimentAsync("hyena"));

        Assert.Equal("TRACKING_SERVER_UNREACHABLE", error.ErrorCode);
        Assert.Contains("3 attempt(s)", error.Message);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_the_last_error()
    {
        var run = await NewRunAsync();
        _server.FailNext("runs/update", 500, 500, 500, 500, 500);

        var error = await Assert.ThrowsAsync<MlflowException>(() => _client.UpdateRunAsync(run, RunStatus.Finished, 5));

        Assert.Equal("INTERNAL_ERROR", error.ErrorCode);
        Assert.Equal(500, error.HttpStatus);
        Assert.Equal(4, _server.RequestsTo("runs/update").Count);
    }

    [Fact]
    public async Task Re_logging_a_param_with_another_value_is_a_400_not_retried()
    {
        var run = await NewRunAsync();
        await _client.LogBatchAsync(run, parameters: [new MlflowParam("lr", "0.001")]);
        await _client.LogBatchAsync(run, parameters: [new MlflowParam("lr", "0.001")]);

        var error = await Assert.ThrowsAsync<MlflowException>(() => _client.LogBatchAsync(run, parameters: [new MlflowParam("lr", "0.01")]));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("lr", error.Message);
        Assert.Equal([200, 200, 400], _server.RequestsTo("runs/log-batch").Select(r => r.Status));
        Assert.Equal("0.001", _server.Snapshot(run).Params["lr"]);
    }

    [Fact]
    public async Task Artifacts_are_put_under_the_runs_proxied_artifact_path()
    {
        var run = await NewRunAsync();
        using var temp = new TempDirectory("mlflow-art");
        var file = temp.File("confusion matrix.png");
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(file, bytes);
        var experiment = (await _client.GetRunAsync(run)).Info.ExperimentId;

        await _client.LogArtifactAsync(run, file, "plots/eval");

        Assert.Equal(bytes, _server.Artifacts[$"{experiment}/{run}/artifacts/plots/eval/confusion matrix.png"]);
    }

    [Fact]
    public async Task Update_then_search_by_status_and_parent_across_pages()
    {
        _server.SearchPageSize = 2;
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        var parent = await _client.CreateRunAsync(experiment, "workflow");
        var children = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            children.Add(await _client.CreateRunAsync(experiment, $"stage{i}", parentRunId: parent));
        }

        await _client.UpdateRunAsync(children[0], RunStatus.Finished, 1234);

        var running = await _client.SearchRunsAsync(experiment, new RunSearchFilter(RunStatus.Running));
        var childrenRunning = await _client.SearchRunsAsync(experiment, new RunSearchFilter(RunStatus.Running, new Dictionary<string, string> { [MlflowTags.ParentRunId] = parent }));
        var finished = Assert.Single(await _client.SearchRunsAsync(experiment, new RunSearchFilter(RunStatus.Finished)));

        Assert.Equal(5, running.Count);
        Assert.Equal(children.Skip(1).Order(), childrenRunning.Select(r => r.Info.RunId).Order());
        Assert.Equal(children[0], finished.Info.RunId);
        Assert.Equal(1234, finished.Info.EndTimeMs);
        Assert.Equal("FINISHED", _server.Snapshot(children[0]).Status);
        Assert.True(_server.RequestsTo("runs/search").Count >= 3 + 2, "paging must follow next_page_token");
    }

    [Fact]
    public async Task Stale_running_runs_are_marked_killed()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        var crashed = await _client.CreateRunAsync(experiment, "crashed", new Dictionary<string, string> { ["hyenaflow.workflowRunId"] = "dead" });
        var alive = await _client.CreateRunAsync(experiment, "alive", new Dictionary<string, string> { ["hyenaflow.workflowRunId"] = "live" });

        var marked = await _client.MarkStaleRunsAsync(experiment, run => run.Tags.GetValueOrDefault("hyenaflow.workflowRunId") != "live", RunStatus.Killed);

        Assert.Equal([crashed], marked);
        Assert.Equal("KILLED", _server.Snapshot(crashed).Status);
        Assert.NotNull(_server.Snapshot(crashed).EndTime);
        Assert.Equal("RUNNING", _server.Snapshot(alive).Status);
    }

    private async Task<string> NewRunAsync()
    {
        var experiment = await _client.GetOrCreateExperimentAsync("hyena");
        return await _client.CreateRunAsync(experiment, "run");
    }
}
