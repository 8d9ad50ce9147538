namespace HyenaFlow.Tracking;

/// <summary>Recovery after a crash: runs the dead process left RUNNING get a final status.</summary>
public static class StaleRuns
{
    /// <summary>
    /// Marks every RUNNING run of the experiment that <paramref name="isStale"/> accepts as
    /// <paramref name="status"/> (KILLED or FAILED), ending it now. Returns the ids it marked.
    /// The predicate decides staleness (for instance "its workflow run is not alive in this runtime"),
    /// since MLflow itself cannot tell a live run from an orphan.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MarkStaleRunsAsync(
        this IMlflowClient client,
        string experimentId,
        Func<MlflowRun, bool> isStale,
        RunStatus status = RunStatus.Killed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(isStale);
        if (status is not (RunStatus.Killed or RunStatus.Failed))
        {
            throw new ArgumentException($"Stale runs end as KILLED or FAILED, not {status}.", nameof(status));
        }

        var running = await client.SearchRunsAsync(experimentId, new RunSearchFilter(Status: RunStatus.Running), cancellationToken).ConfigureAwait(false);
        var marked = new List<string>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var run in running.Where(isStale))
        {
            await client.UpdateRunAsync(run.Info.RunId, status, now, cancellationToken).ConfigureAwait(false);
            marked.Add(run.Info.RunId);
        }

        return marked;
    }
}
