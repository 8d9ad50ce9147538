namespace HyenaFlow.Engine.Tracking;

/// <summary>
/// Where a run's parameters, metrics and tags go (MLflow's vocabulary, so an MLflow client can
/// sit behind it). Implementations must accept calls from the training thread only; they need
/// not be thread-safe.
/// </summary>
public interface ITracker
{
    /// <summary>Hyper-parameters and settings of the run, once at its start.</summary>
    void LogParams(IReadOnlyDictionary<string, string> parameters);

    /// <summary>One value of a metric at a step (optimiser step for training, epoch-end step for evaluation).</summary>
    void LogMetric(string key, double value, long step);

    void SetTag(string key, string value);
}
