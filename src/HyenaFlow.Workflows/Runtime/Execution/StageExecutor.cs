using System.Text.Json.Nodes;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// Executes one stage attempt: claims it in the tables, runs the activity in a fresh scratch folder with the
/// stage's checkpoint folder, and records the outcome (outputs and cache entry, or the error and the next
/// attempt when retries remain) in one transaction, then lets the dispatcher advance the run. An attempt that is
/// already finished is left alone, so a job fired twice does no harm.
/// </summary>
internal sealed class StageExecutor(
    RuntimeDatabase database,
    RunPlans plans,
    ActivityRegistry activities,
    IArtifactStore artifacts,
    IRunTracker tracker,
    RunDispatcher dispatcher,
    string workPath)
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Asks running attempts to stop and hand their stage back (it is queued again on the next start).</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    public async Task ExecuteAsync(string runId, string stageId, int number, CancellationToken cancellationToken)
    {
        RunRecord run;
        StageRunRecord stage;
        bool recovering;
        await using (var db = database.Open())
        {
            await using var runLock = await database.LockRunAsync(db, runId, cancellationToken).ConfigureAwait(false);
            var foundRun = await db.Runs.FindAsync([runId], cancellationToken).ConfigureAwait(false);
            var foundStage = await db.Stages.FindAsync([runId, stageId], cancellationToken).ConfigureAwait(false);
            var attempt = await db.Attempts.FindAsync([runId, stageId, number], cancellationToken).ConfigureAwait(false);
            if (foundRun is not { Status: RunStatus.Running } || foundStage is null || attempt is null
                || foundStage.Status.IsFinal() || foundStage.Attempts != number
                || attempt.Status is AttemptStatus.Succeeded or AttemptStatus.Failed or AttemptStatus.Cancelled)
                return;
            recovering = attempt.Status == AttemptStatus.Running;
            attempt.Status = AttemptStatus.Running;
            attempt.StartedAt ??= DateTimeOffset.UtcNow;
            if (recovering)
                attempt.Recoveries++;
            foundStage.Status = StageStatus.Running;
            foundStage.StartedAt ??= DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await runLock.CompleteAsync(cancellationToken).ConfigureAwait(false);
            run = foundRun;
            stage = foundStage;
        }

        var planned = plans.For(run).Find(stageId)!;
        var activity = activities.Get(planned.Activity);
        var inputs = JsonNode.Parse(stage.InputsJson ?? "{}")!.AsObject().ToDictionary(p => p.Key, p => p.Value!.DeepClone());
        var stageFolder = Path.Combine(workPath, runId, StageGraph.FolderName(stageId));
        var working = Path.Combine(stageFolder, $"attempt-{number}");
        var checkpoint = Path.Combine(stageFolder, "checkpoint");
        if (Directory.Exists(working))
            Directory.Delete(working, recursive: true);
        Directory.CreateDirectory(working);
        Directory.CreateDirectory(checkpoint);

        using var cancelled = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token, cancelled.Token);
        if (planned.Timeout is { } timeout)
            linked.CancelAfter(timeout.Value);
        using var watch = new CancellationTokenSource();
        var watcher = WatchForCancelAsync(runId, cancelled, watch.Token);

        Outcome outcome;
        IReadOnlyDictionary<string, JsonNode>? outputs = null;
        string? error = null;
        await using (var log = new AttemptLog(database, runId, stageId, number))
        {
            if (recovering)
                log.Write($"the runner stopped during attempt {number}; executing it again (checkpoint folder kept)");
            log.Write($"attempt {number} of {planned.Activity.Reference} started on {Environment.MachineName} (pid {Environment.ProcessId})");
            var telemetry = new StageTelemetry(database, artifacts, log, runId, stageId, number);
            var context = new ActivityContext(runId, stageId, number, working, checkpoint, artifacts, log.Write, new CallbackProgress(log.Report), telemetry);
            try
            {
                outputs = await activity.ExecuteAsync(context, inputs, linked.Token).ConfigureAwait(false);
                var missing = planned.Activity.Outputs.Where(o => !outputs.ContainsKey(o.Name)).Select(o => o.Name).ToList();
                if (missing.Count > 0)
                    throw new InvalidDataException($"{planned.Activity.Reference} returned no value for output(s) {string.Join(", ", missing)}");
                outcome = Outcome.Succeeded;
                log.Write("succeeded");
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                outcome = Outcome.HandedBack;
                log.Write("the runner is shutting down; the stage will run again on the next start");
            }
            catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
            {
                outcome = Outcome.Cancelled;
                log.Write("cancelled");
            }
            catch (Exception ex)
            {
                outcome = Outcome.Failed;
                error = linked.IsCancellationRequested && planned.Timeout is { } limit
                    ? $"timed out after {limit}"
                    : $"{ex.GetType().Name}: {ex.Message}";
                log.Write("failed: " + error);
            }
        }

        await watch.CancelAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
        await RecordAsync(runId, stageId, number, planned, outcome, inputs, outputs, error).ConfigureAwait(false);
        if (outcome == Outcome.Succeeded)
            Directory.Delete(working, recursive: true);
        if (outcome != Outcome.HandedBack)
        {
            await TrackAsync(runId, stageId, planned.Activity.Reference, outcome == Outcome.Succeeded, inputs, outputs, Path.Combine(stageFolder, $"reports-{number}")).ConfigureAwait(false);
            await dispatcher.AdvanceAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(string runId, string stageId, int number, Definitions.Planning.PlannedStage planned, Outcome outcome,
        IReadOnlyDictionary<string, JsonNode> inputs, IReadOnlyDictionary<string, JsonNode>? outputs, string? error)
    {
        // Not cancellable: the outcome of work that was done must reach the tables.
        await using var db = database.Open();
        await using var runLock = await database.LockRunAsync(db, runId, CancellationToken.None).ConfigureAwait(false);
        var stage = (await db.Stages.FindAsync(runId, stageId).ConfigureAwait(false))!;
        var attempt = (await db.Attempts.FindAsync(runId, stageId, number).ConfigureAwait(false))!;
        var now = DateTimeOffset.UtcNow;
        switch (outcome)
        {
            case Outcome.Succeeded:
                var outputJson = new JsonObject(outputs!.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value.DeepClone()))).ToJsonString();
                attempt.Status = AttemptStatus.Succeeded;
                attempt.FinishedAt = now;
                stage.Status = StageStatus.Succeeded;
                stage.OutputsJson = outputJson;
                stage.Error = null;
                stage.Progress = 1;
                stage.FinishedAt = now;
                if (stage.CacheKey is { } key)
                {
                    if (await db.CacheEntries.FindAsync(key).ConfigureAwait(false) is { } existing)
                    {
                        existing.OutputsJson = outputJson;
                        existing.RunId = runId;
                        existing.CreatedAt = now;
                    }
                    else
                    {
                        db.CacheEntries.Add(new CacheEntryRecord { Key = key, Activity = planned.Activity.Reference, StageId = stageId, RunId = runId, FieldsJson = stage.CacheFieldsJson ?? "[]", OutputsJson = outputJson, CreatedAt = now });
                    }
                }

                break;
            case Outcome.HandedBack:
                attempt.Status = AttemptStatus.Queued;
                stage.Status = StageStatus.Queued;
                break;
            case Outcome.Cancelled:
                attempt.Status = AttemptStatus.Cancelled;
                attempt.FinishedAt = now;
                stage.Status = StageStatus.Cancelled;
                stage.FinishedAt = now;
                break;
            case Outcome.Failed:
                attempt.Status = AttemptStatus.Failed;
                attempt.Error = error;
                attempt.FinishedAt = now;
                var allowed = planned.Retry?.Attempts ?? 1;
                if (number < allowed)
                {
                    var delay = planned.Retry!.DelayBefore(number + 1);
                    stage.Attempts = number + 1;
                    stage.Status = StageStatus.Queued;
                    db.Attempts.Add(new AttemptRecord { RunId = runId, StageId = stageId, Number = number + 1, Status = AttemptStatus.Queued, QueuedAt = now, NotBefore = now + delay });
                    db.LogLines.Add(new LogLineRecord { RunId = runId, StageId = stageId, Attempt = number, At = now, Text = $"retrying as attempt {number + 1} of {allowed} in {delay.TotalSeconds:0.#} s" });
                }
                else
                {
                    stage.Status = StageStatus.Failed;
                    stage.Error = error;
                    stage.FinishedAt = now;
                }

                break;
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        await runLock.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task TrackAsync(string runId, string stageId, string activity, bool succeeded, IReadOnlyDictionary<string, JsonNode> inputs,
        IReadOnlyDictionary<string, JsonNode>? outputs, string reportsFolder)
    {
        try
        {
            List<MetricRecord> metrics;
            List<StageFileRecord> files;
            await using (var db = database.Open())
            {
                metrics = await db.Metrics.Where(m => m.RunId == runId && m.StageId == stageId).ToListAsync().ConfigureAwait(false);
                files = await db.StageFiles.Where(f => f.RunId == runId && f.StageId == stageId).ToListAsync().ConfigureAwait(false);
            }

            var tracked = new List<TrackedFile>();
            foreach (var file in files)
            {
                var local = Path.Combine(reportsFolder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                if (!File.Exists(local))
                    await artifacts.MaterializeAsync(ArtifactValue.Parse(JsonNode.Parse(file.ArtifactJson)), local, CancellationToken.None).ConfigureAwait(false);
                tracked.Add(new TrackedFile(file.Path, local));
            }

            var stage = new TrackedStage(runId, stageId, activity, succeeded, inputs, outputs,
                [.. metrics.OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Step).Select(m => new TrackedMetric(m.Key, m.Value, m.Step, m.At))],
                tracked);
            await tracker.StageFinishedAsync(stage, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await using var db = database.Open();
            db.LogLines.Add(new LogLineRecord { RunId = runId, StageId = stageId, At = DateTimeOffset.UtcNow, Text = "tracking failed: " + ex.Message });
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(reportsFolder))
                Directory.Delete(reportsFolder, recursive: true);
        }
    }

    /// <summary>`runs cancel` may come from another process: the run's status is the signal.</summary>
    private async Task WatchForCancelAsync(string runId, CancellationTokenSource cancelled, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                await using var db = database.Open();
                var run = await db.Runs.FindAsync([runId], stop).ConfigureAwait(false);
                if (run is null || run.Status == RunStatus.Cancelled)
                {
                    await cancelled.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private enum Outcome
    {
        Succeeded,
        Failed,
        Cancelled,
        HandedBack,
    }

    private sealed class CallbackProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
