using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Workflows.Tests.Runtime;

public sealed class WorkflowRuntimeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    // a and b feed c (fan-in through values and artifacts); d depends on c.
    private static string Diamond(string failWhile = "") => $$$"""
        {
          "id": "diamond",
          "version": 1,
          "parameters": { "base": { "type": "integer", "default": 1 } },
          "stages": [
            { "id": "a", "uses": "emit@1", "with": { "value": "${{ parameters.base }}" } },
            { "id": "b", "uses": "emit@1", "with": { "value": 10 } },
            { "id": "c", "uses": "sum@1", "with": {
                "values": ["${{ stages.a.outputs.value }}", "${{ stages.b.outputs.value }}"],
                "files": ["${{ stages.a.outputs.file }}", "${{ stages.b.outputs.file }}"] } },
            { "id": "d", "uses": "emit@1", "with": { "value": "${{ stages.c.outputs.total }}", "fail-while": "{{{failWhile}}}" } }
          ]
        }
        """;

    [Fact]
    public async Task Runs_a_dag_on_quartz_with_artifacts_flowing_between_stages()
    {
        await using var fixture = new RuntimeFixture();
        await using var runtime = await fixture.StartAsync();

        var runId = await runtime.SubmitAsync(Diamond(), new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var stages = await Stages(runtime, runId);
        Assert.All(stages, s => Assert.Equal(StageStatus.Succeeded, s.Status));
        Assert.Equal("22", JsonNode.Parse(stages.Single(s => s.StageId == "c").OutputsJson!)!["total"]!.ToJsonString());
        Assert.Equal("22", JsonNode.Parse(stages.Single(s => s.StageId == "d").OutputsJson!)!["value"]!.ToJsonString());
        Assert.All(stages, s => Assert.Equal(1, s.Attempts));
        await using var db = runtime.Database.Open();
        Assert.Contains(db.LogLines, l => l.StageId == "a" && l.Text == "emitting 1");

        // Quartz's AdoJobStore keeps its tables in the same file.
        await using var connection = new SqliteConnection(runtime.Database.ConnectionString);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('QRTZ_JOB_DETAILS', 'QRTZ_FIRED_TRIGGERS', 'hf_runs')";
        Assert.Equal(3L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failing_stage_fails_the_run_and_rerun_executes_only_it_and_its_dependents()
    {
        await using var fixture = new RuntimeFixture();
        var cause = Path.Combine(fixture.Root, "broken");
        await File.WriteAllTextAsync(cause, "");
        await using var runtime = await fixture.StartAsync();

        var runId = await runtime.SubmitAsync(Diamond(cause), new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("d: InvalidDataException: the cause is still there", run.Error);
        var failed = (await Stages(runtime, runId)).Single(s => s.StageId == "d");
        Assert.Equal(StageStatus.Failed, failed.Status);

        File.Delete(cause);
        var reset = await runtime.RerunAsync(runId, null, false, CancellationToken.None);
        run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(["d"], reset);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, fixture.Log.Count("a"));
        Assert.Equal(1, fixture.Log.Count("c"));
        Assert.Equal(2, fixture.Log.Count("d"));
        Assert.Equal(2, (await Stages(runtime, runId)).Single(s => s.StageId == "d").Attempts);
    }

    [Fact]
    public async Task A_second_run_is_served_from_the_cache_and_why_names_the_changed_field()
    {
        await using var fixture = new RuntimeFixture();
        await using var runtime = await fixture.StartAsync();
        var first = await runtime.SubmitAsync(Diamond(), new Dictionary<string, JsonNode>(), CancellationToken.None);
        await runtime.WaitAsync(first, new CancellationTokenSource(Limit).Token);
        var executed = fixture.Log.Stages.Count;

        var second = await runtime.SubmitAsync(Diamond(), new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(second, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.All(await Stages(runtime, second), s => Assert.Equal(StageStatus.Cached, s.Status));
        Assert.Equal(executed, fixture.Log.Stages.Count);

        var third = await runtime.SubmitAsync(Diamond(), new Dictionary<string, JsonNode> { ["base"] = JsonValue.Create(5) }, CancellationToken.None);
        await runtime.WaitAsync(third, new CancellationTokenSource(Limit).Token);
        var stages = (await Stages(runtime, third)).ToDictionary(s => s.StageId, s => s.Status);
        Assert.Equal(StageStatus.Succeeded, stages["a"]);
        Assert.Equal(StageStatus.Cached, stages["b"]);
        Assert.Equal(StageStatus.Succeeded, stages["c"]);

        var why = await new RunQueries(runtime.Database).WhyAsync(third, "a", CancellationToken.None);
        Assert.Contains("input.value: was 1, now 5", why);
    }

    [Fact]
    public async Task A_stage_with_retries_succeeds_on_its_second_attempt_and_a_forced_rerun_executes_again()
    {
        await using var fixture = new RuntimeFixture();
        await using var runtime = await fixture.StartAsync();
        const string definition = """
            { "id": "retry", "version": 1, "stages": [
              { "id": "f", "uses": "flaky@1", "retry": { "attempts": 2, "delay": "1s" } },
              { "id": "g", "uses": "emit@1", "with": { "value": "${{ stages.f.outputs.attempt }}" } } ] }
            """;
        var runId = await runtime.SubmitAsync(definition, new Dictionary<string, JsonNode>(), CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        await using (var db = runtime.Database.Open())
        {
            var attempts = await db.Attempts.Where(a => a.RunId == runId && a.StageId == "f").OrderBy(a => a.Number).ToListAsync();
            Assert.Equal([AttemptStatus.Failed, AttemptStatus.Succeeded], attempts.Select(a => a.Status));
            Assert.Contains("first attempts always fail", attempts[0].Error);
        }

        await runtime.RerunAsync(runId, "g", downstream: false, CancellationToken.None);
        run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, fixture.Log.Count("g"));
        Assert.Equal(2, fixture.Log.Count("f"));
    }

    private static async Task<List<StageRunRecord>> Stages(WorkflowRuntime runtime, string runId)
    {
        await using var db = runtime.Database.Open();
        return await db.Stages.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync();
    }
}
