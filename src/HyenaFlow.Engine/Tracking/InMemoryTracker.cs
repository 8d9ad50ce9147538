namespace HyenaFlow.Engine.Tracking;

/// <summary>Keeps everything in memory: for tests and for hosts that print a summary at the end.</summary>
public sealed class InMemoryTracker : ITracker
{
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tags = new(StringComparer.Ordinal);
    private readonly List<MetricPoint> metrics = [];

    public IReadOnlyDictionary<string, string> Parameters => parameters;

    public IReadOnlyDictionary<string, string> Tags => tags;

    /// <summary>Every metric value in the order logged.</summary>
    public IReadOnlyList<MetricPoint> Metrics => metrics;

    /// <summary>The values of one metric in the order logged.</summary>
    public IReadOnlyList<MetricPoint> Series(string key) => metrics.Where(m => m.Key == key).ToList();

    public void LogParams(IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var (key, value) in parameters) this.parameters[key] = value;
    }

    public void LogMetric(string key, double value, long step) => metrics.Add(new MetricPoint(key, value, step));

    public void SetTag(string key, string value) => tags[key] = value;
}
