using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Tests.Runtime;

/// <summary>
/// The dispatcher commits a queued attempt and then schedules its Quartz job; a crash between the two leaves an
/// attempt without a job. The next runner must notice the missing job (it checks every queued stage against the
/// jobs that exist) and run the stage exactly once.
/// </summary>
public sealed class LostJobRecoveryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private const string Definition = """
        { "id": "lost-job", "version": 1, "stages": [
          { "id": "a", "uses": "emit@1", "with": { "value": 7 } },
          { "id": "b", "uses": "emit@1", "with": { "value": "${{ stages.a.outputs.value }}" } } ] }
        """;

    [Fact]
    public async Task A_queued_attempt_whose_job_was_lost_is_scheduled_again_and_runs_once()
    {
        await using var fixture = new RuntimeFixture();
        await using var runtime = new WorkflowRuntime(fixture.Options, fixture.Registry, fixture.Store);

        // Submitted by a client (nothing advances it), then queued the way the dispatcher queues it, with no job.
        var runId = await runtime.SubmitAsync(Definition, new Dictionary<string, JsonNode>(), CancellationToken.None);
        await using (var db = runtime.Database.Open())
        {
            var stage = (await db.Stages.FindAsync(runId, "a"))!;
            var now = DateTimeOffset.UtcNow;
            stage.Status = StageStatus.Queued;
            stage.Attempts = 1;
            stage.InputsJson = """{"value":7,"fail-while":""}""";
            db.Attempts.Add(new AttemptRecord { RunId = runId, StageId = "a", Number = 1, Status = AttemptStatus.Queued, QueuedAt = now, NotBefore = now });
            await db.SaveChangesAsync();
        }

        await runtime.StartAsync(CancellationToken.None);
        var run = await runtime.WaitAsync(runId, new CancellationTokenSource(Limit).Token);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, fixture.Log.Count("a"));
        Assert.Equal(1, fixture.Log.Count("b"));
        var stages = await new RunQueries(runtime.Database).StagesAsync(runId, CancellationToken.None);
        Assert.Equal("7", JsonNode.Parse(stages.Single(s => s.StageId == "b").OutputsJson!)!["value"]!.ToJsonString());
        Assert.All(stages, s => Assert.Equal(1, s.Attempts));
    }
}
