using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Cluster.Tests.Support;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace HyenaFlow.Cluster.Tests;

/// <summary>
/// A real cluster on a real PostgreSQL: `hyenaflow worker` processes of the cpu and gpu pools, the API server
/// (`serve --api-only`) or an in-process client submitting, and a SIGKILL of a worker mid-stage. Check-in every
/// second, a node taken for dead two seconds after a missed one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterExecutionTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckinThreshold = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    private readonly string _root = Directory.CreateTempSubdirectory("hf-cluster-").FullName;

    private string Probe => Directory.CreateDirectory(Path.Combine(_root, "probe")).FullName;

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
    public async Task Eight_cells_spread_over_two_cpu_workers_the_gpu_stage_waits_for_a_gpu_worker_and_the_result_equals_a_sqlite_run()
    {
        var database = await postgres.CreateDatabaseAsync("spread");
        var workflows = Directory.CreateDirectory(Path.Combine(_root, "workflows")).FullName;
        var definition = Definition(cells: 8, holdMs: 800);
        await File.WriteAllTextAsync(Path.Combine(workflows, "cells.json"), definition);
        var port = FreePort();

        using var cpuA = Worker("cpu-a", database, "cpu");
        using var cpuB = Worker("cpu-b", database, "cpu");
        using var server = HyenaFlowProcess.Start("server", _root, database, ClusterEnvironment(), "serve", "--api-only", "--urls", $"http://127.0.0.1:{port}", "--workflows", workflows);
        await Task.WhenAll(cpuA.WaitForOutputAsync("cluster node", Startup), cpuB.WaitForOutputAsync("cluster node", Startup), server.WaitForOutputAsync("serving on", Startup));

        Mark("started");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var started = await http.PostAsJsonAsync("/api/runs", new { workflow = "cells" });
        Assert.True(started.IsSuccessStatusCode, $"POST /api/runs: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        var runId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        Mark("submitted");
        // Without a gpu worker the cells finish and the gpu stage waits, queued: no cpu worker takes it.
        var db = new RuntimeDatabase(database);
        await WaitUntilAsync(async () => (await StagesAsync(db, runId)).Where(s => s.StageId.StartsWith("cells[", StringComparison.Ordinal)).All(s => s.Status.IsFinal()), TimeSpan.FromSeconds(60), () => cpuA.Output + cpuB.Output);
        await Task.Delay(CheckinInterval + CheckinThreshold);
        var stages = await StagesAsync(db, runId);
        Assert.True(stages.Single(s => s.StageId == "total").Status == StageStatus.Queued, string.Join("\n", stages.Select(s => $"{s.StageId} {s.Status} {s.Error}")));
        Assert.DoesNotContain(StageProbe.Read(Probe), e => e.Stage == "total");

        Mark("cells done");
        using var gpu = Worker("gpu", database, "gpu");
        await WaitUntilAsync(async () => (await RunAsync(db, runId)).Status != RunStatus.Running, TimeSpan.FromSeconds(60), () => gpu.Output);
        var run = await http.GetFromJsonAsync<JsonObject>($"/api/runs/{runId}");
        Assert.Equal("succeeded", run!["run"]!["status"]!.GetValue<string>());

        Mark("run done");
        var events = StageProbe.Read(Probe);
        var cellPids = events.Where(e => e.Stage.StartsWith("cells[", StringComparison.Ordinal) && e.What == "start").Select(e => e.Pid).ToHashSet();
        Assert.Equal(new HashSet<int> { cpuA.Pid, cpuB.Pid }, cellPids);
        Assert.Equal([gpu.Pid], events.Where(e => e.Stage == "total").Select(e => e.Pid).Distinct());
        Assert.Equal(9, events.Count(e => e.What == "start"));
        AssertNeverTwiceAtOnce(events, new Dictionary<int, DateTimeOffset>());

        Mark("checked");
        var clustered = await OutputsAsync(db, runId);
        Assert.Equal(await SqliteOutputsAsync(definition), clustered);
        Assert.Equal(JsonValue.Create(Enumerable.Range(1, 8).Sum(c => c * c + 1)).ToJsonString(), JsonNode.Parse(clustered["total"])!["total"]!.ToJsonString());
    }

    [Fact]
    public async Task A_worker_killed_mid_stage_has_its_stage_completed_by_another_of_its_pool_and_never_by_another_pool()
    {
        var database = await postgres.CreateDatabaseAsync("failover");
        var definition = Definition(cells: 4, holdMs: 200);
        await File.WriteAllTextAsync(Path.Combine(Probe, "hold-" + StageProbe.Safe("cells[cell=1]")), "");
        await File.WriteAllTextAsync(Path.Combine(Probe, "hold-total"), "");

        using var cpuA = Worker("cpu-a", database, "cpu");
        using var cpuB = Worker("cpu-b", database, "cpu");
        using var gpu1 = Worker("gpu-1", database, "gpu");
        await Task.WhenAll(cpuA.WaitForOutputAsync("cluster node", Startup), cpuB.WaitForOutputAsync("cluster node", Startup), gpu1.WaitForOutputAsync("cluster node", Startup));
        var workers = new[] { cpuA, cpuB, gpu1 }.ToDictionary(w => w.Pid);

        Mark("started");
        // The submitting client: a runtime that is not started only records the run; the workers pick it up.
        string runId;
        var db = new RuntimeDatabase(database);
        await using (var client = new WorkflowRuntime(new RuntimeOptions { DatabasePath = database, WorkPath = Path.Combine(_root, "client") }, Activities(), new LocalArtifactStore(Path.Combine(_root, "artifacts"))))
            runId = await client.SubmitAsync(definition, new Dictionary<string, JsonNode>(), CancellationToken.None);

        Mark("submitted");
        // A cpu worker dies during cells[cell=1]: the other cpu worker runs it again once the check-in is overdue.
        var killed = new Dictionary<int, DateTimeOffset>();
        var holder = workers[await ReachedAsync("cells[cell=1]", workers.Values)];
        Assert.NotEqual(gpu1, holder);
        killed[holder.Pid] = await holder.KillAsync();
        File.Delete(Path.Combine(Probe, "hold-" + StageProbe.Safe("cells[cell=1]")));
        var survivor = holder == cpuA ? cpuB : cpuA;
        await WaitUntilAsync(async () => (await StagesAsync(db, runId)).Single(s => s.StageId == "cells[cell=1]").Status == StageStatus.Succeeded, TimeSpan.FromSeconds(30), () => survivor.Output);
        var restart = StageProbe.Read(Probe).Last(e => e.Stage == "cells[cell=1]" && e.What == "start");
        Assert.Equal(survivor.Pid, restart.Pid);
        var takeover = TimeSpan.FromMilliseconds(restart.AtMs - killed[holder.Pid].ToUnixTimeMilliseconds());
        output.WriteLine($"takeover after the kill: {takeover.TotalSeconds:0.0} s");
        Assert.True(takeover < CheckinInterval + CheckinThreshold + TimeSpan.FromSeconds(6), $"took over after {takeover.TotalSeconds:0.0} s");

        Mark("cell recovered");
        // The gpu worker dies during the gpu stage: the cpu worker left recovers the firing but never runs it; a new
        // gpu worker does.
        var gpuHolder = workers[await ReachedAsync("total", workers.Values)];
        Assert.Equal(gpu1, gpuHolder);
        killed[gpu1.Pid] = await gpu1.KillAsync();
        File.Delete(Path.Combine(Probe, "hold-total"));
        Assert.Equal("gpu", await RecoveryTriggerGroupAsync(database, "total"));
        await Task.Delay(TimeSpan.FromSeconds(2)); // two idle waits of the cpu worker, which must leave it alone
        Assert.Equal([gpu1.Pid], StageProbe.Read(Probe).Where(e => e.Stage == "total").Select(e => e.Pid).Distinct());
        Mark("gpu waited");
        using var gpu2 = Worker("gpu-2", database, "gpu");
        await WaitUntilAsync(async () => (await RunAsync(db, runId)).Status != RunStatus.Running, TimeSpan.FromSeconds(60), () => gpu2.Output + survivor.Output);

        Mark("run done");
        Assert.Equal(RunStatus.Succeeded, (await RunAsync(db, runId)).Status);
        var events = StageProbe.Read(Probe);
        Assert.Equal([gpu1.Pid, gpu2.Pid], events.Where(e => e.Stage == "total" && e.What == "start").Select(e => e.Pid));
        AssertNeverTwiceAtOnce(events, killed);
        await using var context = db.Open();
        var attempts = await context.Attempts.Where(a => a.RunId == runId && (a.StageId == "cells[cell=1]" || a.StageId == "total")).ToListAsync();
        Assert.All(attempts, a => Assert.Equal((1, 1, AttemptStatus.Succeeded), (a.Number, a.Recoveries, a.Status)));
        Assert.Equal(await SqliteOutputsAsync(definition), await OutputsAsync(db, runId));
    }

    private void Mark(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_hands_its_running_stage_back_and_another_worker_runs_it()
    {
        var database = await postgres.CreateDatabaseAsync("handback");
        var definition = Definition(cells: 2, holdMs: 100);
        await File.WriteAllTextAsync(Path.Combine(Probe, "hold-" + StageProbe.Safe("cells[cell=1]")), "");
        using var cpuA = Worker("cpu-a", database, "cpu");
        using var cpuB = Worker("cpu-b", database, "cpu");
        using var gpu = Worker("gpu", database, "gpu");
        await Task.WhenAll(cpuA.WaitForOutputAsync("cluster node", Startup), cpuB.WaitForOutputAsync("cluster node", Startup), gpu.WaitForOutputAsync("cluster node", Startup));
        var workers = new[] { cpuA, cpuB }.ToDictionary(w => w.Pid);
        var db = new RuntimeDatabase(database);
        string runId;
        await using (var client = new WorkflowRuntime(new RuntimeOptions { DatabasePath = database, WorkPath = Path.Combine(_root, "client") }, Activities(), new LocalArtifactStore(Path.Combine(_root, "artifacts"))))
            runId = await client.SubmitAsync(definition, new Dictionary<string, JsonNode>(), CancellationToken.None);

        var holder = workers[await ReachedAsync("cells[cell=1]", workers.Values)];
        var other = holder == cpuA ? cpuB : cpuA;
        var stopping = Stopwatch.StartNew();
        await holder.TerminateAsync();
        await holder.WaitForOutputAsync("worker stopped", TimeSpan.FromSeconds(30));
        File.Delete(Path.Combine(Probe, "hold-" + StageProbe.Safe("cells[cell=1]")));
        await WaitUntilAsync(async () => (await RunAsync(db, runId)).Status != RunStatus.Running, TimeSpan.FromSeconds(30), () => other.Output);
        output.WriteLine($"stopped and taken over in {stopping.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(RunStatus.Succeeded, (await RunAsync(db, runId)).Status);
        var events = StageProbe.Read(Probe);
        Assert.Equal([holder.Pid, other.Pid], events.Where(e => e.Stage == "cells[cell=1]" && e.What == "start").Select(e => e.Pid));
        AssertNeverTwiceAtOnce(events, new Dictionary<int, DateTimeOffset>());
        await using var context = db.Open();
        var attempt = await context.Attempts.SingleAsync(a => a.RunId == runId && a.StageId == "cells[cell=1]");
        // Handed back, not recovered: the other worker did not have to wait for the stopped one to be taken for dead.
        Assert.Equal((1, 0, AttemptStatus.Succeeded), (attempt.Number, attempt.Recoveries, attempt.Status));
    }

    /// <summary>The concurrency probe found nothing, and per stage the executions' intervals (a killed process's
    /// ending when it was killed) are disjoint.</summary>
    private void AssertNeverTwiceAtOnce(IReadOnlyList<ProbeEvent> events, IReadOnlyDictionary<int, DateTimeOffset> killed)
    {
        Assert.Empty(StageProbe.Overlaps(Probe));
        foreach (var stage in events.GroupBy(e => e.Stage))
        {
            var intervals = new List<(long Start, long End, int Pid)>();
            foreach (var start in stage.Where(e => e.What == "start"))
            {
                var end = stage.FirstOrDefault(e => e.What == "end" && e.Pid == start.Pid && e.AtMs >= start.AtMs)?.AtMs
                    ?? (killed.TryGetValue(start.Pid, out var at) ? at.ToUnixTimeMilliseconds() : throw new Xunit.Sdk.XunitException($"{stage.Key}: pid {start.Pid} started and neither ended nor was killed"));
                intervals.Add((start.AtMs, end, start.Pid));
            }

            var ordered = intervals.OrderBy(i => i.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Start >= ordered[i - 1].End, $"{stage.Key} ran in pid {ordered[i - 1].Pid} and pid {ordered[i].Pid} at once");
        }
    }

    /// <summary>Waits for the trigger by which Quartz runs a dead node's firing of the stage again; its execution group.</summary>
    private static async Task<string?> RecoveryTriggerGroupAsync(string database, string stage)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var command = new NpgsqlCommand("SELECT execution_group FROM qrtz_triggers WHERE trigger_group = @group AND job_name LIKE @job", connection);
            command.Parameters.AddWithValue("group", Quartz.SchedulerConstants.DefaultRecoveryGroup);
            command.Parameters.AddWithValue("job", $"%/{stage}/1");
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
                return reader.IsDBNull(0) ? null : reader.GetString(0);
            await reader.DisposeAsync();
            await Task.Delay(100);
        }

        Assert.Fail($"no recovery trigger for {stage} within 30 s");
        return null;
    }

    private async Task<int> ReachedAsync(string stage, IEnumerable<HyenaFlowProcess> workers)
    {
        var prefix = $"reached-{StageProbe.Safe(stage)}-";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.Exists(Probe) && Directory.EnumerateFiles(Probe, prefix + "*").Select(Path.GetFileName).FirstOrDefault() is { } reached)
                return int.Parse(reached![prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(50);
        }

        Assert.Fail($"no worker reached {stage}:\n{string.Join("\n", workers.Select(w => $"--- {w.Name}\n{w.Output}"))}");
        return 0;
    }

    private HyenaFlowProcess Worker(string name, string database, string pool) =>
        HyenaFlowProcess.Start(name, _root, database, ClusterEnvironment(), "worker", "--pool", pool, "--concurrency", "2");

    private static Dictionary<string, string> ClusterEnvironment() => new()
    {
        [RuntimeOptions.CheckinIntervalVariable] = CheckinInterval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [RuntimeOptions.CheckinThresholdVariable] = CheckinThreshold.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A matrix of training-like cells fanned in by a gpu stage.</summary>
    private string Definition(int cells, int holdMs)
    {
        var probe = JsonValue.Create(Probe).ToJsonString();
        return $$$"""
            { "id": "cells", "version": 1, "stages": [
              { "id": "cells", "uses": "cluster-cell@1", "with": { "probe": {{{probe}}}, "cell": "${{ matrix.cell }}", "hold-ms": {{{holdMs}}} },
                "matrix": { "cell": [{{{string.Join(", ", Enumerable.Range(1, cells))}}}] } },
              { "id": "total", "uses": "cluster-gpu-sum@1", "with": { "probe": {{{probe}}}, "values": "${{ stages.cells.outputs.value }}" } } ] }
            """;
    }

    private static ActivityRegistry Activities() => new([new ClusterCellActivity(), new ClusterGpuSumActivity()]);

    /// <summary>The same definition on one machine: SQLite, one in-process runner of every pool.</summary>
    private async Task<Dictionary<string, string>> SqliteOutputsAsync(string definition)
    {
        var folder = Path.Combine(_root, "single-" + Guid.NewGuid().ToString("N")[..6]);
        var options = new RuntimeOptions { DatabasePath = Path.Combine(folder, "hyenaflow.db"), MaxConcurrency = 4, SweepInterval = TimeSpan.FromMilliseconds(200) };
        await using var runtime = new WorkflowRuntime(options, Activities(), new LocalArtifactStore(Path.Combine(folder, "artifacts")));
        foreach (var hold in Directory.Exists(Probe) ? Directory.EnumerateFiles(Probe, "hold-*") : [])
            File.Delete(hold);
        await runtime.StartAsync(CancellationToken.None);
        var runId = await runtime.SubmitAsync(definition, new Dictionary<string, JsonNode>(), CancellationToken.None);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await runtime.WaitAsync(runId, limit.Token);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        return await OutputsAsync(runtime.Database, runId);
    }

    private static async Task<Dictionary<string, string>> OutputsAsync(RuntimeDatabase database, string runId)
    {
        await using var db = database.Open();
        return (await db.Stages.AsNoTracking().Where(s => s.RunId == runId).ToListAsync()).ToDictionary(s => s.StageId, s => s.OutputsJson ?? "");
    }

    private static async Task<List<StageRunRecord>> StagesAsync(RuntimeDatabase database, string runId)
    {
        await using var db = database.Open();
        return await db.Stages.AsNoTracking().Where(s => s.RunId == runId).ToListAsync();
    }

    private static async Task<RunRecord> RunAsync(RuntimeDatabase database, string runId)
    {
        await using var db = database.Open();
        return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> context)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
                Assert.Fail($"not reached within {limit.TotalSeconds} s:\n{context()}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
