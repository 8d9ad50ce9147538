using System.Globalization;
using System.Text.Json;
using HyenaFlow.Genomics;

namespace HyenaFlow.Plots.Report;

/// <summary>
/// A training run's metrics as the engine's <c>JsonLinesTracker</c> writes them: one JSON object per line,
/// <c>{"type":"metric","key","value","step","time"}</c>, <c>{"type":"params","params":{…}}</c>, <c>{"type":"tag","key","value"}</c>.
/// A resumed run repeats steps; the last value of a (key, step) wins. Non-finite values arrive as "NaN"/"Infinity" strings.
/// </summary>
public sealed class MetricsLog
{
    private readonly Dictionary<string, SortedDictionary<long, double>> series;

    private MetricsLog(string path, Dictionary<string, string> parameters, Dictionary<string, string> tags, Dictionary<string, SortedDictionary<long, double>> series)
    {
        Path = path;
        Parameters = parameters;
        Tags = tags;
        this.series = series;
    }

    public string Path { get; }

    /// <summary>Run parameters (later params records add to and override earlier ones).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    public IReadOnlyCollection<string> Keys => series.Keys;

    /// <summary>The values of <paramref name="key"/> by step, ascending; empty when the run never logged it.</summary>
    public IReadOnlyList<(long Step, double Value)> Series(string key) =>
        series.TryGetValue(key, out var points) ? [.. points.Select(p => (p.Key, p.Value))] : [];

    public bool Has(string key) => series.ContainsKey(key);

    /// <summary>Reads a metrics file; throws <see cref="DataFormatException"/> for a line that is not a tracker record or a file without any metric.</summary>
    public static MetricsLog Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such metrics file.", path);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var series = new Dictionary<string, SortedDictionary<long, double>>(StringComparer.Ordinal);
        long lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                JsonElement record = document.RootElement;
                string type = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : throw new DataFormatException(path, lineNumber, "a record without a \"type\"; expected a JSON object with type metric, params or tag.");
                switch (type)
                {
                    case "metric":
                        string key = record.GetProperty("key").GetString() ?? throw new DataFormatException(path, lineNumber, "a metric with a null key.");
                        long step = record.GetProperty("step").GetInt64();
                        double value = Number(record.GetProperty("value"), path, lineNumber);
                        if (!series.TryGetValue(key, out var points)) series[key] = points = [];
                        points[step] = value;
                        break;
                    case "params":
                        foreach (JsonProperty p in record.GetProperty("params").EnumerateObject()) parameters[p.Name] = p.Value.ToString();
                        break;
                    case "tag":
                        tags[record.GetProperty("key").GetString() ?? ""] = record.GetProperty("value").ToString();
                        break;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DataFormatException(path, lineNumber, $"not a tracker record ({e.Message}); expected JSON lines as the engine's JsonLinesTracker writes them.", e);
            }
        }

        if (series.Count == 0)
        {
            throw new DataFormatException(path, null, lineNumber == 0
                ? "the metrics file is empty; expected JSON lines with metric records (e.g. from 'model finetune --metrics FILE')."
                : "the metrics file holds no metric records (only params or tags); nothing to plot.");
        }

        return new MetricsLog(path, parameters, tags, series);
    }

    private static double Number(JsonElement value, string path, long line) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            var s => throw new DataFormatException(path, line, $"metric value '{s}' is not a number."),
        },
        _ => throw new DataFormatException(path, line, $"metric value of kind {value.ValueKind} is not a number."),
    };
}
