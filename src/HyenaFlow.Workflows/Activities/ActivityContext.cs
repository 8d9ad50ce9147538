using HyenaFlow.Storage;
using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// Everything an executing activity may touch besides its inputs: a scratch folder emptied before each attempt,
/// a checkpoint folder that survives attempts and crashes (so training resumes), a log whose lines become the
/// stage's logs, a progress sink, telemetry (metrics and report files), and the artifact store.
/// </summary>
public sealed class ActivityContext
{
    public ActivityContext(
        string runId,
        string stageId,
        int attempt,
        string workingDirectory,
        string checkpointDirectory,
        IArtifactStore artifacts,
        Action<string> log,
        IProgress<double>? progress = null,
        IStageTelemetry? telemetry = null)
    {
        RunId = runId;
        StageId = stageId;
        Attempt = attempt;
        WorkingDirectory = workingDirectory;
        CheckpointDirectory = checkpointDirectory;
        Artifacts = artifacts;
        _log = log;
        Progress = progress ?? new Progress<double>();
        Telemetry = telemetry ?? NullStageTelemetry.Instance;
    }

    private readonly Action<string> _log;

    public string RunId { get; }

    public string StageId { get; }

    /// <summary>1 for the first try; a retry or a rerun counts up. A run recovered after a crash keeps its number.</summary>
    public int Attempt { get; }

    public string WorkingDirectory { get; }

    public string CheckpointDirectory { get; }

    public IArtifactStore Artifacts { get; }

    /// <summary>Fraction done, 0 to 1.</summary>
    public IProgress<double> Progress { get; }

    /// <summary>Metrics over steps and report files (plots, tables) kept with the stage and sent to MLflow.</summary>
    public IStageTelemetry Telemetry { get; }

    public void Log(string line) => _log(line);

    public void LogMetric(string key, double value, long step) => Telemetry.LogMetric(key, value, step);

    public Task LogFileAsync(string localPath, string? folder, CancellationToken cancellationToken) =>
        Telemetry.LogFileAsync(localPath, folder, cancellationToken);

    /// <summary>Writes an artifact input into the working folder under <paramref name="name"/> and returns its path.</summary>
    public async Task<string> MaterializeAsync(JsonNode artifactValue, string name, CancellationToken cancellationToken)
    {
        var artifact = ArtifactValue.Parse(artifactValue);
        var path = Path.Combine(WorkingDirectory, "inputs", name);
        if (File.Exists(path) || Directory.Exists(path))
            return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Artifacts.MaterializeAsync(artifact, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Stores a file or folder and returns the value an artifact output holds.</summary>
    public async Task<JsonNode> PutArtifactAsync(string localPath, CancellationToken cancellationToken)
    {
        var artifact = await Artifacts.PutAsync(localPath, cancellationToken).ConfigureAwait(false);
        return ArtifactValue.Format(artifact);
    }
}
