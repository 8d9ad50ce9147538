using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// The log of one attempt: lines, progress and metrics are buffered and written to the database in small batches
/// (at most every 250 ms), so an activity that logs a lot does not write one transaction per line, and a crash
/// loses at most the last fraction of a second.
/// </summary>
internal sealed class AttemptLog : IAsyncDisposable
{
    private readonly RuntimeDatabase _database;
    private readonly string _runId;
    private readonly string _stageId;
    private readonly int _attempt;
    private readonly List<LogLineRecord> _pending = [];
    private readonly Dictionary<(string Key, long Step), MetricRecord> _metrics = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flusher;
    private double? _progress;

    public AttemptLog(RuntimeDatabase database, string runId, string stageId, int attempt)
    {
        _database = database;
        _runId = runId;
        _stageId = stageId;
        _attempt = attempt;
        _flusher = Task.Run(FlushLoopAsync);
    }

    public void Write(string line)
    {
        lock (_gate)
            _pending.Add(new LogLineRecord { RunId = _runId, StageId = _stageId, Attempt = _attempt, At = DateTimeOffset.UtcNow, Text = line });
    }

    public void Metric(string key, double value, long step)
    {
        lock (_gate)
            _metrics[(key, step)] = new MetricRecord { RunId = _runId, StageId = _stageId, Key = key, Step = step, Value = value, Attempt = _attempt, At = DateTimeOffset.UtcNow };
    }

    public void Report(double fraction)
    {
        lock (_gate)
            _progress = Math.Clamp(fraction, 0, 1);
    }

    private async Task FlushLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task FlushAsync()
    {
        List<LogLineRecord> lines;
        List<MetricRecord> metrics;
        double? progress;
        lock (_gate)
        {
            lines = [.. _pending];
            _pending.Clear();
            metrics = [.. _metrics.Values];
            _metrics.Clear();
            progress = _progress;
            _progress = null;
        }

        if (lines.Count == 0 && metrics.Count == 0 && progress is null)
            return;
        await using var db = _database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        db.LogLines.AddRange(lines);
        if (progress is { } fraction && await db.Stages.FindAsync(_runId, _stageId).ConfigureAwait(false) is { } stage)
            stage.Progress = fraction;
        await db.SaveChangesAsync().ConfigureAwait(false);
        foreach (var metric in metrics)
            await MetricUpsert.ExecuteAsync(db, metric).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _flusher.ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
