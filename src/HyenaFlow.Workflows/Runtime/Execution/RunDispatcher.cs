using System.Text.Json.Nodes;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime.Caching;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// Advances a run: a pending stage whose dependencies all finished is resolved, looked up in the cache and either
/// marked Cached or given its next attempt; every queued attempt gets its Quartz job if it has none; a run with
/// nothing left to do is closed. Each step reads the state from the tables and is safe to repeat, which is what
/// makes recovery after a crash simply "advance every running run".
/// </summary>
internal sealed class RunDispatcher(RuntimeDatabase database, RunPlans plans, IArtifactStore artifacts, IRunTracker tracker)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IScheduler? Scheduler { get; set; }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<string> running;
        await using (var db = database.Open())
            running = await db.Runs.Where(r => r.Status == RunStatus.Running).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var run in running)
            await AdvanceAsync(run, cancellationToken).ConfigureAwait(false);
    }

    public async Task AdvanceAsync(string runId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AdvanceLockedAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AdvanceLockedAsync(string runId, CancellationToken cancellationToken)
    {
        // The process gate keeps this process's sweeps apart; the run lock keeps the nodes of a cluster apart, so
        // that two of them never queue the same stage's attempt or close a run on a state the other is changing.
        RunRecord? closed;
        await using (var db = database.Open())
        {
            await using var runLock = await database.LockRunAsync(db, runId, cancellationToken).ConfigureAwait(false);
            closed = await AdvanceStateAsync(db, runId, cancellationToken).ConfigureAwait(false);
            await runLock.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (closed is null)
            return;
        try
        {
            await tracker.RunFinishedAsync(closed.Id, closed.Status == RunStatus.Succeeded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tracking is best effort; the run's own record is complete.
        }
    }

    /// <summary>Advances the run's state; returns the run when this closed it.</summary>
    private async Task<RunRecord?> AdvanceStateAsync(RuntimeDbContext db, string runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FindAsync([runId], cancellationToken).ConfigureAwait(false);
        if (run is null || run.Status != RunStatus.Running)
            return null;
        var stages = await db.Stages.Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = stages.ToDictionary(s => s.StageId, StringComparer.Ordinal);
        var plan = plans.For(run);

        bool changed;
        do
        {
            changed = false;
            foreach (var stage in stages.Where(s => s.Status == StageStatus.Pending))
            {
                var needs = StageGraph.DependsOn(stage);
                if (needs.FirstOrDefault(d => byId[d].Status is StageStatus.Failed or StageStatus.Skipped or StageStatus.Cancelled) is { } broken)
                {
                    stage.Status = StageStatus.Skipped;
                    stage.Error = $"not run: '{broken}' {byId[broken].Status.ToString().ToLowerInvariant()}";
                    stage.FinishedAt = DateTimeOffset.UtcNow;
                    changed = true;
                    continue;
                }

                if (!needs.All(d => byId[d].Status.IsDone()))
                    continue;

                var planned = plan.Find(stage.StageId) ?? throw new InvalidOperationException($"stage {stage.StageId} is not in the plan of run {runId}");
                var inputs = new JsonObject();
                foreach (var input in planned.Inputs)
                    inputs[input.Name] = input.Resolve((id, output) => StageGraph.Outputs(byId[id])[output]);
                var upstream = needs.ToDictionary(d => d, d => StableJson.Digest(StageGraph.Outputs(byId[d])));
                var key = CacheKey.Compute(planned.Activity, inputs.ToDictionary(p => p.Key, p => p.Value), upstream);
                stage.InputsJson = inputs.ToJsonString();
                stage.CacheKey = key.Value;
                stage.CacheFieldsJson = key.FieldsToJson().ToJsonString();
                changed = true;

                if (!stage.Force && await UsableEntryAsync(db, key.Value, cancellationToken).ConfigureAwait(false) is { } hit)
                {
                    stage.Status = StageStatus.Cached;
                    stage.OutputsJson = hit.OutputsJson;
                    stage.Progress = 1;
                    stage.Error = null;
                    stage.FinishedAt = DateTimeOffset.UtcNow;
                    db.LogLines.Add(new LogLineRecord { RunId = runId, StageId = stage.StageId, Attempt = stage.Attempts, At = DateTimeOffset.UtcNow, Text = $"cache hit: outputs of run {hit.RunId} stage {hit.StageId} reused" });
                    continue;
                }

                stage.Status = StageStatus.Queued;
                stage.Force = false;
                stage.Attempts++;
                var now = DateTimeOffset.UtcNow;
                db.Attempts.Add(new AttemptRecord { RunId = runId, StageId = stage.StageId, Number = stage.Attempts, Status = AttemptStatus.Queued, QueuedAt = now, NotBefore = now });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        while (changed);

        if (Scheduler is { } scheduler)
        {
            // One query for the stage jobs that exist, not one per queued stage: this runs after every stage, and a
            // wide DAG keeps dozens queued (bench/HyenaFlow.Workflows.Bench dag-500 measured it as the largest part of a stage's cost).
            var scheduled = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(StageJobs.Group), cancellationToken).ConfigureAwait(false)).ToHashSet();
            foreach (var stage in stages.Where(s => (s.Status is StageStatus.Queued or StageStatus.Running) && !scheduled.Contains(StageJobs.KeyOf(runId, s.StageId, s.Attempts))))
            {
                var attempt = await db.Attempts.FindAsync([runId, stage.StageId, stage.Attempts], cancellationToken).ConfigureAwait(false);
                var pool = plan.Find(stage.StageId)?.Resources ?? Resources.Cpu;
                await StageJobs.EnsureScheduledAsync(scheduler, runId, stage.StageId, stage.Attempts, pool, attempt?.NotBefore ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!stages.All(s => s.Status.IsFinal()))
            return null;
        await CloseAsync(db, run, stages, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private static async Task CloseAsync(RuntimeDbContext db, RunRecord run, List<StageRunRecord> stages, CancellationToken cancellationToken)
    {
        var failed = stages.Where(s => s.Status is StageStatus.Failed).ToList();
        run.Status = stages.All(s => s.Status.IsDone()) ? RunStatus.Succeeded : RunStatus.Failed;
        run.Error = failed.Count == 0 ? null : string.Join("\n", failed.Select(s => $"{s.StageId}: {s.Error}"));
        run.FinishedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A cache entry whose artifacts are all still in the store.</summary>
    private async Task<CacheEntryRecord?> UsableEntryAsync(RuntimeDbContext db, string key, CancellationToken cancellationToken)
    {
        var entry = await db.CacheEntries.FindAsync([key], cancellationToken).ConfigureAwait(false);
        if (entry is null)
            return null;
        foreach (var artifact in ArtifactValue.FindAll(JsonNode.Parse(entry.OutputsJson)))
        {
            if (!await artifacts.ContainsAsync(artifact, cancellationToken).ConfigureAwait(false))
                return null;
        }

        return entry;
    }
}
