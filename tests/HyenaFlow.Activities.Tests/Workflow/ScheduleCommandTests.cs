using System.Diagnostics;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Activities.Tests.Workflow;

/// <summary>`hyenaflow schedule add|list|remove` against a real database, run as the real CLI in a child process
/// (the database comes from the environment, which a child process can set on its own).</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hf-schedule-" + Guid.NewGuid().ToString("N")[..10]);

    public ScheduleCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Schedules_are_added_listed_with_their_next_fire_time_and_removed()
    {
        var workflow = Path.Combine(_root, "nightly.json");
        await File.WriteAllTextAsync(workflow, """
            { "id": "nightly", "version": 1, "parameters": { "seed": { "type": "integer", "default": 1 } },
              "stages": [ { "id": "synth", "uses": "synth-data@1", "with": { "seed": "${{ parameters.seed }}" } } ] }
            """);

        var (code, id, errors) = await CliAsync("schedule", "add", "--cron", "0 30 2 * * ?", "--workflow", workflow, "--param", "seed=7");
        Assert.True(code == 0, errors);
        id = id.Trim();

        await using (var db = new RuntimeDatabase(Path.Combine(_root, "hyenaflow.db")).Open())
        {
            var stored = await db.Schedules.SingleAsync();
            Assert.Equal(id, stored.Id);
            Assert.Equal("0 30 2 * * ?", stored.Cron);
            Assert.Equal(Path.GetFullPath(workflow), stored.WorkflowPath);
            Assert.Equal("""{"seed":7}""", stored.ParametersJson);
        }

        var (_, listed, _) = await CliAsync("schedule", "list");
        var now = DateTimeOffset.UtcNow;
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, 2, 30, 0, TimeSpan.Zero);
        if (next <= now)
            next = next.AddDays(1);
        Assert.Contains(id, listed);
        Assert.Contains(next.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), listed);

        Assert.Equal(2, (await CliAsync("schedule", "add", "--cron", "every night", "--workflow", workflow)).Code);
        Assert.Equal(0, (await CliAsync("schedule", "remove", id)).Code);
        Assert.Contains("no schedules", (await CliAsync("schedule", "list")).Output);
    }

    [Fact]
    public async Task Schedule_serve_submits_and_runs_the_workflow_when_its_cron_comes_due()
    {
        var workflow = Path.Combine(_root, "every-second.json");
        await File.WriteAllTextAsync(workflow, """
            { "id": "tick", "version": 1, "stages": [ { "id": "table", "uses": "compare@1", "with": { "results": [0.5], "labels": ["only"] } } ] }
            """);
        Assert.Equal(0, (await CliAsync("schedule", "add", "--cron", "* * * * * ?", "--workflow", workflow)).Code);

        using var serve = Process.Start(Start("schedule", "serve"))!;
        try
        {
            var database = new RuntimeDatabase(Path.Combine(_root, "hyenaflow.db"));
            var waited = Stopwatch.StartNew();
            while (true)
            {
                await using (var db = database.Open())
                {
                    if (await db.Runs.AnyAsync(r => r.WorkflowId == "tick" && r.Status == RunStatus.Succeeded))
                        break;
                }

                Assert.False(serve.HasExited, $"schedule serve exited {(serve.HasExited ? serve.ExitCode : 0)}: {(serve.HasExited ? await serve.StandardError.ReadToEndAsync() : "")}");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(45), "no scheduled run succeeded within 45 s");
                await Task.Delay(200);
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    private ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hyenaflow.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["HYENAFLOW_DB"] = Path.Combine(_root, "hyenaflow.db");
        start.Environment["HYENAFLOW_ARTIFACTS"] = Path.Combine(_root, "artifacts");
        start.Environment.Remove("HYENAFLOW_BLOB_CONNECTION_STRING");
        return start;
    }

    private async Task<(int Code, string Output, string Errors)> CliAsync(params string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output, await errors);
    }
}
