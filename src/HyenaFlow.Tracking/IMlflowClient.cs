namespace HyenaFlow.Tracking;

/// <summary>
/// The part of MLflow's tracking API HyenaFlow uses. Two implementations: the REST API of a
/// tracking server (<see cref="Rest.RestMlflowClient"/>) and MLflow's own <c>mlruns/</c> folder
/// layout (<see cref="FileStore.FileMlflowClient"/>). Errors are <see cref="MlflowException"/>.
/// </summary>
public interface IMlflowClient
{
    /// <summary>The id of the active experiment with this name, created when missing.</summary>
    Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a RUNNING run; sets <c>mlflow.runName</c>, <c>mlflow.user</c> and, for a child run,
    /// <c>mlflow.parentRunId</c>. Returns the run id (32 lower-case hex digits).
    /// </summary>
    Task<string> CreateRunAsync(
        string experimentId,
        string runName,
        IReadOnlyDictionary<string, string>? tags = null,
        string? parentRunId = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs metrics, params and tags; validated first (a bad key or value fails before anything is
    /// written) and split into requests within MLflow's limits (<see cref="MlflowLimits"/>).
    /// </summary>
    Task LogBatchAsync(
        string runId,
        IReadOnlyList<MlflowMetric>? metrics = null,
        IReadOnlyList<MlflowParam>? parameters = null,
        IReadOnlyList<MlflowTag>? tags = null,
        CancellationToken cancellationToken = default);

    Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies a file into the run's artifacts as <c>[artifactPath/]fileName</c> (MLflow's
    /// <c>log_artifact</c>: <paramref name="artifactPath"/> is a folder inside the artifacts).
    /// </summary>
    Task LogArtifactAsync(string runId, string localFile, string? artifactPath = null, CancellationToken cancellationToken = default);

    Task UpdateRunAsync(string runId, RunStatus status, long? endTimeMs = null, CancellationToken cancellationToken = default);

    Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Active runs of the experiment that match <paramref name="filter"/>, all pages.</summary>
    Task<IReadOnlyList<MlflowRun>> SearchRunsAsync(string experimentId, RunSearchFilter? filter = null, CancellationToken cancellationToken = default);
}
