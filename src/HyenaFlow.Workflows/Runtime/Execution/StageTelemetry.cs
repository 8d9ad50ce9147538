using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// The runtime's side of <see cref="IStageTelemetry"/>: metrics go through the attempt's buffered log; a report
/// file is stored in the artifact store (content-addressed, so a rerun that draws the same plot stores nothing new)
/// and recorded with the stage at once.
/// </summary>
internal sealed class StageTelemetry(RuntimeDatabase database, IArtifactStore artifacts, AttemptLog log, string runId, string stageId, int attempt) : IStageTelemetry
{
    public void LogMetric(string key, double value, long step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!double.IsFinite(value))
            return; // MLflow refuses NaN and infinities; a diverged step shows as a gap in the curve.
        log.Metric(key, value, step);
    }

    public async Task LogFileAsync(string localPath, string? folder, CancellationToken cancellationToken)
    {
        var path = ReportPath(localPath, folder);
        var artifact = await artifacts.PutAsync(localPath, cancellationToken).ConfigureAwait(false);
        await using var db = database.Open();
        if (await db.StageFiles.FindAsync([runId, stageId, path], cancellationToken).ConfigureAwait(false) is { } existing)
            db.StageFiles.Remove(existing);
        db.StageFiles.Add(new StageFileRecord
        {
            RunId = runId,
            StageId = stageId,
            Path = path,
            ArtifactJson = ArtifactValue.Format(artifact).ToJsonString(),
            Attempt = attempt,
            At = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Folder segments are names, never <c>..</c> or rooted: a report path stays inside the stage's reports.</summary>
    internal static string ReportPath(string localPath, string? folder)
    {
        if (!File.Exists(localPath))
            throw new FileNotFoundException($"report file {localPath} does not exist", localPath);
        var segments = (folder ?? "").Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains(':', StringComparison.Ordinal)))
            throw new ArgumentException($"report folder '{folder}' must be a relative path of plain names", nameof(folder));
        return string.Join('/', segments.Append(Path.GetFileName(localPath)));
    }
}
