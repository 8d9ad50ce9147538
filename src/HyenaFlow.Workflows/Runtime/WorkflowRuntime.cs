using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions.Planning;
using HyenaFlow.Workflows.Runtime.Execution;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyenaFlow.Workflows.Runtime;

/// <summary>
/// The durable workflow runtime: submit a definition and it runs, stage by stage, on Quartz (AdoJobStore in the
/// same database as the runtime's tables). Without <see cref="StartAsync"/> it is a client: it can submit,
/// cancel, rerun and read, and whichever process runs the runtime picks the work up within a second.
/// Only one process runs a SQLite database at a time (a lock file beside it says which); a PostgreSQL database is
/// run by a cluster of workers.
/// </summary>
public sealed class WorkflowRuntime : IAsyncDisposable
{
    private readonly RuntimeOptions _options;
    private readonly RunPlans _plans;
    private readonly RunDispatcher _dispatcher;
    private readonly StageExecutor _executor;
    private readonly CancellationTokenSource _sweeping = new();
    private int _stopped;
    private ISchedulerFactory? _factory;
    private IScheduler? _scheduler;
    private Task? _sweeper;
    private FileStream? _runnerLock;

    public WorkflowRuntime(RuntimeOptions options, ActivityRegistry activities, IArtifactStore artifacts, IRunTracker? tracker = null)
    {
        _options = options;
        Activities = activities;
        Database = new RuntimeDatabase(options.DatabasePath);
        Database.Initialize();
        _plans = new RunPlans(activities.Catalog);
        tracker ??= NullRunTracker.Instance;
        Tracker = tracker;
        _dispatcher = new RunDispatcher(Database, _plans, artifacts, tracker);
        _executor = new StageExecutor(Database, _plans, activities, artifacts, tracker, _dispatcher, options.ResolvedWorkPath);
    }

    public RuntimeDatabase Database { get; }

    public ActivityRegistry Activities { get; }

    public IRunTracker Tracker { get; }

    public bool IsRunner => _scheduler is not null;

    /// <summary>This runner's Quartz instance id: generated per process on a PostgreSQL cluster; null for a client.</summary>
    public string? NodeId => _scheduler?.SchedulerInstanceId;

    /// <summary>Validates and plans without running: what `runs plan` prints.</summary>
    public WorkflowPlan Plan(string definitionJson, IReadOnlyDictionary<string, JsonNode> parameters) =>
        _plans.Create(definitionJson, ParametersJson(parameters));

    /// <summary>Becomes a runner of this database: starts Quartz and advances every unfinished run (recovery).
    /// SQLite has one runner (a lock file beside it says which): returns false, and stays a client, when another
    /// process is the runner. PostgreSQL has any number, as nodes of a Quartz cluster, each executing the stages of
    /// its <see cref="RuntimeOptions.Pools"/>.</summary>
    public async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                _runnerLock = new FileStream(Database.Path + ".runner", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return false;
            }
        }

        _factory = StageSchedulerFactory.Create(Database, _options, _executor);
        _scheduler = await _factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        _dispatcher.Scheduler = _scheduler;
        await _scheduler.Start(cancellationToken).ConfigureAwait(false);
        _sweeper = Task.Run(SweepLoopAsync, CancellationToken.None);
        return true;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
            throw new IOException($"another process is running workflows on {Database.Path}; SQLite has one runner (set HYENAFLOW_DB to a PostgreSQL server for several)");
    }

    private async Task SweepLoopAsync()
    {
        while (!_sweeping.IsCancellationRequested)
        {
            try
            {
                await _dispatcher.SweepAsync(_sweeping.Token).ConfigureAwait(false);
                await Task.Delay(_options.SweepInterval, _sweeping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_sweeping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or TimeoutException or SchedulerException)
            {
                // A busy database, a lost connection or a scheduler hiccup: the next sweep tries again.
                await Task.Delay(_options.SweepInterval, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Records a new run (every stage pending) and returns its id; a runner starts it at once.</summary>
    public async Task<string> SubmitAsync(string definitionJson, IReadOnlyDictionary<string, JsonNode> parameters, CancellationToken cancellationToken)
    {
        var parametersJson = ParametersJson(parameters);
        var plan = _plans.Create(definitionJson, parametersJson);
        var runId = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        await using (var db = Database.Open())
        {
            db.Runs.Add(new RunRecord
            {
                Id = runId,
                WorkflowId = plan.Definition.Id,
                WorkflowVersion = plan.Definition.Version,
                DefinitionJson = definitionJson,
                ParametersJson = parametersJson,
                Status = RunStatus.Running,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            for (var i = 0; i < plan.Stages.Count; i++)
            {
                var stage = plan.Stages[i];
                db.Stages.Add(new StageRunRecord
                {
                    RunId = runId,
                    StageId = stage.Id,
                    OrderIndex = i,
                    Activity = stage.Activity.Reference,
                    DependsOnJson = System.Text.Json.JsonSerializer.Serialize(stage.DependsOn),
                    Status = StageStatus.Pending,
                });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await Tracker.RunStartedAsync(runId, plan.Definition.Id, plan.Parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tracking is best effort.
        }

        if (IsRunner)
            await _dispatcher.AdvanceAsync(runId, cancellationToken).ConfigureAwait(false);
        return runId;
    }

    /// <summary>Waits until the run is finished, calling <paramref name="onPoll"/> with its stages every poll.</summary>
    public async Task<RunRecord> WaitAsync(string runId, CancellationToken cancellationToken, Action<RunRecord, IReadOnlyList<StageRunRecord>>? onPoll = null)
    {
        while (true)
        {
            await using (var db = Database.Open())
            {
                var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"no run {runId}");
                if (onPoll is not null)
                {
                    var stages = await db.Stages.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
                    onPoll(run, stages);
                }

                if (run.Status != RunStatus.Running)
                    return run;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops a run: waiting stages are cancelled, running ones are told to stop within a second.</summary>
    public async Task CancelAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = Database.Open();
        await using var runLock = await Database.LockRunAsync(db, runId, cancellationToken).ConfigureAwait(false);
        var run = await db.Runs.FindAsync([runId], cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"no run {runId}");
        if (run.Status != RunStatus.Running)
            return;
        run.Status = RunStatus.Cancelled;
        run.FinishedAt = DateTimeOffset.UtcNow;
        foreach (var stage in await db.Stages.Where(s => s.RunId == runId && (s.Status == StageStatus.Pending || s.Status == StageStatus.Queued)).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            stage.Status = StageStatus.Cancelled;
            stage.FinishedAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await runLock.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs part of a finished run again, in place. By default the failed (or cancelled) stages and everything
    /// downstream of them; with <paramref name="stageId"/> that stage (executed even if cached), and with
    /// <paramref name="downstream"/> its dependents too. Returns the stages reset.
    /// </summary>
    public async Task<IReadOnlyList<string>> RerunAsync(string runId, string? stageId, bool downstream, CancellationToken cancellationToken)
    {
        List<string> reset;
        await using (var db = Database.Open())
        {
            await using var runLock = await Database.LockRunAsync(db, runId, cancellationToken).ConfigureAwait(false);
            var run = await db.Runs.FindAsync([runId], cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"no run {runId}");
            if (run.Status == RunStatus.Running)
                throw new InvalidOperationException($"run {runId} is still running; cancel it or wait for it to finish");
            var stages = await db.Stages.Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
            HashSet<string> selected;
            if (stageId is null)
            {
                var broken = stages.Where(s => s.Status is StageStatus.Failed or StageStatus.Cancelled or StageStatus.Skipped).Select(s => s.StageId).ToList();
                if (broken.Count == 0)
                    throw new InvalidOperationException($"run {runId} has no failed stage to rerun; name one with --stage");
                selected = StageGraph.WithDependents(stages, broken);
            }
            else
            {
                if (stages.All(s => s.StageId != stageId))
                    throw new InvalidOperationException($"run {runId} has no stage '{stageId}'; it has {string.Join(", ", stages.Select(s => s.StageId))}");
                selected = downstream ? StageGraph.WithDependents(stages, [stageId]) : [stageId];
            }

            foreach (var stage in stages.Where(s => selected.Contains(s.StageId)))
            {
                stage.Status = StageStatus.Pending;
                stage.Force = stageId is not null;
                stage.OutputsJson = null;
                stage.Error = null;
                stage.Progress = 0;
                stage.StartedAt = null;
                stage.FinishedAt = null;
            }

            run.Status = RunStatus.Running;
            run.Error = null;
            run.FinishedAt = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await runLock.CompleteAsync(cancellationToken).ConfigureAwait(false);
            reset = stages.Where(s => selected.Contains(s.StageId)).Select(s => s.StageId).ToList();
        }

        if (IsRunner)
            await _dispatcher.AdvanceAsync(runId, cancellationToken).ConfigureAwait(false);
        return reset;
    }

    /// <summary>Graceful shutdown: running stages are asked to stop and handed back (queued again on the next
    /// start, resuming from their checkpoint folders); nothing finished is lost.</summary>
    public async Task StopAsync()
    {
        // Hosts may stop the runtime and then dispose it (or the other way round): only the first call acts.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        await _sweeping.CancelAsync().ConfigureAwait(false);
        if (_sweeper is not null)
            await _sweeper.ConfigureAwait(false);
        await _executor.StopAsync().ConfigureAwait(false);
        if (_scheduler is not null)
            await _scheduler.Shutdown(waitForJobsToComplete: true).ConfigureAwait(false);
        if (_factory is IAsyncDisposable disposable)
            await disposable.DisposeAsync().ConfigureAwait(false);
        _scheduler = null;
        _factory = null;
        _runnerLock?.Dispose();
        _runnerLock = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _sweeping.Dispose();
    }

    private static string ParametersJson(IReadOnlyDictionary<string, JsonNode> parameters) =>
        new JsonObject(parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone()))).ToJsonString();
}
