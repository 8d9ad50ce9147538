using System.Text.Json;

namespace HyenaFlow.Engine.Tracking;

/// <summary>
/// Appends one JSON object per call to a file, flushed at once, so a crash loses nothing that was
/// logged: <c>{"type":"metric","key":…,"value":…,"step":…,"time":…}</c>, <c>{"type":"params","params":{…}}</c>,
/// <c>{"type":"tag","key":…,"value":…}</c>. A resumed run appends to the same file, so steps between
/// the last checkpoint and a crash appear twice; readers keep the last value of a (key, step).
/// Non-finite values are written as the strings "NaN", "Infinity", "-Infinity".
/// </summary>
public sealed class JsonLinesTracker : ITracker, IDisposable
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly StreamWriter writer;
    private readonly TimeProvider clock;

    public JsonLinesTracker(string path, TimeProvider? clock = null)
    {
        Path = path;
        this.clock = clock ?? TimeProvider.System;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }

    public void LogParams(IReadOnlyDictionary<string, string> parameters) =>
        Write(new Dictionary<string, object> { ["type"] = "params", ["params"] = parameters, ["time"] = Now() });

    public void LogMetric(string key, double value, long step) =>
        Write(new Dictionary<string, object> { ["type"] = "metric", ["key"] = key, ["value"] = value, ["step"] = step, ["time"] = Now() });

    public void SetTag(string key, string value) =>
        Write(new Dictionary<string, object> { ["type"] = "tag", ["key"] = key, ["value"] = value, ["time"] = Now() });

    public void Dispose() => writer.Dispose();

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void Write(Dictionary<string, object> record) => writer.WriteLine(JsonSerializer.Serialize(record, Options));
}
