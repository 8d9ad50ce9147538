namespace HyenaFlow.Deployment.Tests.Support;

/// <summary>One <c>NAME=value</c> line of <c>.env.example</c>.</summary>
internal sealed record EnvSetting(string Name, string Value, int Line);

/// <summary>
/// <c>.env.example</c> as docker compose and a shell read it: <c>NAME=value</c> lines, blank lines and <c>#</c>
/// comments. Anything else, or a name given twice, is an error naming the line.
/// </summary>
internal sealed class EnvExample
{
    public const string FileName = ".env.example";

    private EnvExample(IReadOnlyDictionary<string, EnvSetting> settings) => Settings = settings;

    public IReadOnlyDictionary<string, EnvSetting> Settings { get; }

    /// <summary>Name → value, the way compose interpolates with a .env copied from the example.</summary>
    public IReadOnlyDictionary<string, string> Values => Settings.ToDictionary(s => s.Key, s => s.Value.Value, StringComparer.Ordinal);

    public static EnvExample Load() => Parse(Repository.ReadText(FileName));

    public static EnvExample Parse(string text)
    {
        var settings = new Dictionary<string, EnvSetting>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? line[..equals] : "";
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
                throw new InvalidDataException($"{FileName} line {i + 1}: expected NAME=value, got '{line}'");
            if (settings.ContainsKey(name))
                throw new InvalidDataException($"{FileName} line {i + 1}: {name} is set a second time (first on line {settings[name].Line})");
            settings[name] = new EnvSetting(name, line[(equals + 1)..], i + 1);
        }

        return new EnvExample(settings);
    }
}
