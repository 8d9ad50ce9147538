using System.Diagnostics;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Activities.Tests.Workflow;

/// <summary>kill -9 of a real `hyenaflow run` during a training stage, then `hyenaflow runs resume`.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hf-crash-" + Guid.NewGuid().ToString("N")[..10]);

    public CrashRecoveryTests() => Directory.CreateDirectory(_root);

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
    public async Task A_run_killed_during_training_resumes_from_its_checkpoint_and_redoes_nothing_finished()
    {
        var journal = Path.Combine(_root, "journal");
        Directory.CreateDirectory(journal);
        await File.WriteAllTextAsync(Path.Combine(journal, "hold"), "");
        var workflow = Path.Combine(_root, "crash.json");
        var journalJson = JsonValue.Create(journal).ToJsonString();
        await File.WriteAllTextAsync(workflow, $$$"""
            { "id": "crash", "version": 1, "stages": [
              { "id": "prepare", "uses": "test-step@1", "with": { "journal": {{{journalJson}}} } },
              { "id": "train", "uses": "test-train@1", "with": { "journal": {{{journalJson}}}, "after": "${{ stages.prepare.outputs.done }}" } },
              { "id": "report", "uses": "test-step@1", "with": { "journal": {{{journalJson}}}, "after": "${{ stages.train.outputs.resumed-from }}" } } ] }
            """);

        using (var first = Start("run", workflow))
        {
            await WaitForFileAsync(Path.Combine(journal, "reached"), first, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await first.WaitForExitAsync();
        }

        Assert.Equal(["prepare", "train"], Journal.Read(journal));
        File.Delete(Path.Combine(journal, "hold"));

        using var second = Start("runs", "resume");
        var output = second.StandardOutput.ReadToEndAsync();
        var errors = second.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await second.WaitForExitAsync(limit.Token);
        Assert.True(second.ExitCode == 0, $"resume exited {second.ExitCode}\n{await output}\n{await errors}");

        Assert.Equal(["prepare", "train", "train", "report"], Journal.Read(journal));
        var database = new RuntimeDatabase(Path.Combine(_root, "hyenaflow.db"));
        await using var db = database.Open();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var train = await db.Stages.SingleAsync(s => s.StageId == "train");
        Assert.Equal(2, JsonNode.Parse(train.OutputsJson!)!["resumed-from"]!.GetValue<int>());
        var attempt = await db.Attempts.SingleAsync(a => a.StageId == "train");
        Assert.Equal(1, attempt.Recoveries);
    }

    private Process Start(params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "hyenaflow.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["HYENAFLOW_DB"] = Path.Combine(_root, "hyenaflow.db");
        start.Environment["HYENAFLOW_ARTIFACTS"] = Path.Combine(_root, "artifacts");
        start.Environment["HYENAFLOW_ACTIVITY_ASSEMBLIES"] = typeof(CrashRecoveryTests).Assembly.Location;
        start.Environment.Remove("HYENAFLOW_BLOB_CONNECTION_STRING");
        return Process.Start(start)!;
    }

    private static async Task WaitForFileAsync(string path, Process process, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (process.HasExited)
                Assert.Fail($"hyenaflow exited {process.ExitCode} early:\n{await process.StandardOutput.ReadToEndAsync()}\n{await process.StandardError.ReadToEndAsync()}");
            if (stopwatch.Elapsed > limit)
                Assert.Fail("the training stage never reached its hold point");
            await Task.Delay(100);
        }
    }
}
