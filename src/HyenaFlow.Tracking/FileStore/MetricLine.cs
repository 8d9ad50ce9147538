using System.Globalization;

namespace HyenaFlow.Tracking.FileStore;

/// <summary>One line of <c>metrics/&lt;key&gt;</c>: "&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;", the value as Python's float() reads it.</summary>
internal static class MetricLine
{
    public static string Format(MlflowMetric metric) =>
        $"{metric.TimestampMs.ToString(CultureInfo.InvariantCulture)} {FormatValue(metric.Value)} {metric.Step.ToString(CultureInfo.InvariantCulture)}\n";

    public static string FormatValue(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // Python writes floats with a decimal point ("1.0"); keep files looking like MLflow's own.
        return text.All(c => char.IsAsciiDigit(c) || c == '-') ? text + ".0" : text;
    }

    /// <summary>Reads a line; old MLflow files have no step (then 0).</summary>
    public static MlflowMetric Parse(string key, string line, string path)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            || !TryParseValue(parts[1], out var value))
        {
            throw new InvalidDataException($"{path}: expected '<timestamp_ms> <value> <step>', found '{line}'.");
        }

        long step = 0;
        if (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
        {
            throw new InvalidDataException($"{path}: step '{parts[2]}' is not an integer in '{line}'.");
        }

        return new MlflowMetric(key, value, timestamp, step);
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "infinity" or "+inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
