namespace HyenaFlow.Engine.Tracking;

/// <summary>A tracker that drops everything, for callers that do not track.</summary>
public sealed class NullTracker : ITracker
{
    public static NullTracker Instance { get; } = new();

    private NullTracker() { }

    public void LogParams(IReadOnlyDictionary<string, string> parameters) { }

    public void LogMetric(string key, double value, long step) { }

    public void SetTag(string key, string value) { }
}
