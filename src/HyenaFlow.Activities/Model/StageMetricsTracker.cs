using HyenaFlow.Engine.Tracking;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>
/// Hands a trainer's metrics to the stage (the Studio's charts, the MLflow child run) while the metrics file in the
/// checkpoint folder keeps the full record, params and tags included, across resumed attempts.
/// </summary>
internal sealed class StageMetricsTracker(ActivityContext context, ITracker file) : ITracker
{
    public void LogParams(IReadOnlyDictionary<string, string> parameters) => file.LogParams(parameters);

    public void LogMetric(string key, double value, long step)
    {
        file.LogMetric(key, value, step);
        context.LogMetric(key, value, step);
    }

    public void SetTag(string key, string value) => file.SetTag(key, value);
}
