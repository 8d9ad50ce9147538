namespace HyenaFlow.Tracking;

/// <summary>
/// One MLflow run seen from the code that does the work: params and tags are sent when logged,
/// metrics are buffered and sent in batches (when <see cref="MlflowTrackerOptions.MaxBufferedMetrics"/>
/// pile up, when <see cref="MlflowTrackerOptions.FlushInterval"/> has passed, before an artifact, at
/// the end and on dispose). A tracker disposed without <see cref="End"/> ends its run FAILED: a stage
/// that never said it finished did not finish. Use from one thread.
/// </summary>
public sealed class MlflowTracker : IDisposable, IAsyncDisposable
{
    private readonly MlflowTrackerOptions _options;
    private readonly List<MlflowMetric> _pending = [];
    private readonly Dictionary<string, string> _loggedParams = new(StringComparer.Ordinal);
    private long _lastFlushMs;
    private bool _ended;

    private MlflowTracker(IMlflowClient client, string experimentId, string runId, MlflowTrackerOptions options)
    {
        Client = client;
        ExperimentId = experimentId;
        RunId = runId;
        _options = options;
        _lastFlushMs = NowMs();
    }

    public IMlflowClient Client { get; }

    public string ExperimentId { get; }

    public string RunId { get; }

    /// <summary>Starts a run in the named experiment (created when missing).</summary>
    public static async Task<MlflowTracker> StartAsync(
        IMlflowClient client,
        string experimentName,
        string runName,
        IReadOnlyDictionary<string, string>? tags = null,
        string? parentRunId = null,
        MlflowTrackerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var experimentId = await client.GetOrCreateExperimentAsync(experimentName, cancellationToken).ConfigureAwait(false);
        return await StartInExperimentAsync(client, experimentId, runName, tags, parentRunId, options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<MlflowTracker> StartInExperimentAsync(
        IMlflowClient client,
        string experimentId,
        string runName,
        IReadOnlyDictionary<string, string>? tags = null,
        string? parentRunId = null,
        MlflowTrackerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var runId = await client.CreateRunAsync(experimentId, runName, tags, parentRunId, cancellationToken).ConfigureAwait(false);
        return new MlflowTracker(client, experimentId, runId, options ?? new MlflowTrackerOptions());
    }

    /// <summary>A child run of this one (a training or evaluation stage of a workflow run).</summary>
    public Task<MlflowTracker> StartChildAsync(string runName, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default) =>
        StartInExperimentAsync(Client, ExperimentId, runName, tags, RunId, _options, cancellationToken);

    public void LogParams(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        EnsureOpen();
        var fresh = new List<MlflowParam>();
        foreach (var (key, value) in parameters)
        {
            var param = new MlflowParam(key, value);
            MlflowLimits.ValidateParam(param);
            if (_loggedParams.TryGetValue(key, out var earlier))
            {
                if (earlier != value)
                {
                    throw new MlflowException(
                        MlflowErrorCodes.InvalidParameterValue,
                        $"Param '{key}' was already logged for run {RunId} as '{earlier}'; MLflow does not allow changing it to '{value}'.");
                }

                continue;
            }

            fresh.Add(param);
        }

        if (fresh.Count == 0)
        {
            return;
        }

        Wait(Client.LogBatchAsync(RunId, parameters: fresh));
        foreach (var param in fresh)
        {
            _loggedParams[param.Key] = param.Value;
        }
    }

    public void LogParam(string key, string value) => LogParams(new Dictionary<string, string> { [key] = value });

    public void LogMetric(string key, double value, long step)
    {
        EnsureOpen();
        var metric = new MlflowMetric(key, value, NowMs(), step);
        MlflowLimits.ValidateMetric(metric);
        _pending.Add(metric);
        if (_pending.Count >= _options.MaxBufferedMetrics || NowMs() - _lastFlushMs >= _options.FlushInterval.TotalMilliseconds)
        {
            Flush();
        }
    }

    public void SetTag(string key, string value)
    {
        EnsureOpen();
        Wait(Client.SetTagAsync(RunId, key, value));
    }

    /// <summary>Uploads a file (plot, confusion matrix, …) under <c>artifacts/[artifactPath/]</c>.</summary>
    public void LogArtifact(string localFile, string? artifactPath = null) => Wait(LogArtifactAsync(localFile, artifactPath));

    public async Task LogArtifactAsync(string localFile, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await Client.LogArtifactAsync(RunId, localFile, artifactPath, cancellationToken).ConfigureAwait(false);
    }

    public void Flush() => Wait(FlushAsync());

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        _lastFlushMs = NowMs();
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToList();
        await Client.LogBatchAsync(RunId, metrics: batch, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Cleared only once sent, so a failed flush can be retried without losing values.
        _pending.RemoveRange(0, batch.Count);
    }

    /// <summary>Sends what is buffered and closes the run with <paramref name="status"/>.</summary>
    public void End(RunStatus status = RunStatus.Finished) => Wait(EndAsync(status));

    public async Task EndAsync(RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return;
        }

        if (status is RunStatus.Running or RunStatus.Scheduled)
        {
            throw new ArgumentException($"A run ends FINISHED, FAILED or KILLED, not {status}.", nameof(status));
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await Client.UpdateRunAsync(RunId, status, NowMs(), cancellationToken).ConfigureAwait(false);
        _ended = true;
    }

    public void Dispose() => Wait(DisposeAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        if (_ended)
        {
            return;
        }

        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _pending.Clear();
            await EndAsync(RunStatus.Failed).ConfigureAwait(false);
        }
    }

    private void EnsureOpen()
    {
        if (_ended)
        {
            throw new InvalidOperationException($"MLflow run {RunId} has ended; nothing more can be logged to it.");
        }
    }

    private long NowMs() => _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    // The tracker serves synchronous training loops; the file store completes synchronously anyway.
    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}

public sealed record MlflowTrackerOptions
{
    /// <summary>Metrics held before a flush; MLflow takes 1000 per request.</summary>
    public int MaxBufferedMetrics { get; init; } = MlflowLimits.MaxMetricsPerBatch;

    /// <summary>Longest a logged metric waits before being sent, so the UI follows a long run.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
