using System.Reflection;
using System.Text.RegularExpressions;
using HyenaFlow.Server.Hosting;

namespace HyenaFlow.Deployment.Tests.Support;

/// <summary>
/// The environment variables HyenaFlow reads, found in its source: every string literal <c>"HYENAFLOW_…"</c> or
/// <c>"MLFLOW_…"</c> under src/ (the code names each setting once, in a literal or a constant). Plus the server's
/// configuration keys, which ASP.NET Core also takes from the environment as <c>HyenaFlow__Property</c>.
/// </summary>
internal static partial class CodeSettings
{
    public static IReadOnlySet<string> Variables { get; } = Scan();

    /// <summary><c>HyenaFlow__Studio</c> and the like: a settable property of <see cref="ServerOptions"/>.</summary>
    public static bool IsServerOption(string name)
    {
        var prefix = ServerOptions.Section + "__";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var property = typeof(ServerOptions).GetProperty(name[prefix.Length..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true };
    }

    public static bool Reads(string name) => Variables.Contains(name) || IsServerOption(name);

    private static HashSet<string> Scan()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var source = Repository.PathOf("src");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar);
            if (relative.Contains("obj") || relative.Contains("bin"))
                continue;
            foreach (Match match in SettingLiteral().Matches(File.ReadAllText(file)))
                names.Add(match.Groups[1].Value);
        }

        return names.Count > 0 ? names : throw new InvalidOperationException($"no HYENAFLOW_/MLFLOW_ literal found under {source}");
    }

    [GeneratedRegex("\"((?:HYENAFLOW|MLFLOW)_[A-Z0-9_]+)\"")]
    private static partial Regex SettingLiteral();
}
