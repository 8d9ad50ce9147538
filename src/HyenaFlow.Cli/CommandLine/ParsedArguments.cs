using System.Globalization;

namespace HyenaFlow.Cli.CommandLine;

/// <summary>Option values and positionals of one invocation, with typed accessors that fail as usage errors.</summary>
public sealed class ParsedArguments(IReadOnlyDictionary<string, List<string>> options, IReadOnlyList<string> positionals)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string name) => options.ContainsKey(name);

    public bool Flag(string name) => options.ContainsKey(name);

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

    public string? Get(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");

    public long GetInt64(string name, long fallback)
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"--{name} expects a whole number, got '{text}'.");
    }

    public int GetInt32(string name, int fallback) => checked((int)GetInt64(name, fallback));

    public double GetDouble(string name, double fallback)
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new UsageException($"--{name} expects a number, got '{text}'.");
    }

    public T GetEnum<T>(string name, T fallback) where T : struct, Enum
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return Enum.TryParse(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out T value)
            ? value
            : throw new UsageException($"--{name} expects one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}, got '{text}'.");
    }
}
