namespace HyenaFlow.Engine.Tracking;

/// <summary>One logged metric value.</summary>
public readonly record struct MetricPoint(string Key, double Value, long Step);
