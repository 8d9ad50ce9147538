namespace HyenaFlow.Workflows.Definitions;

/// <summary>Builds JSON paths the way System.Text.Json prints them: <c>$.a.b[2]</c>, with <c>['odd name']</c>
/// for property names that would not read unambiguously after a dot.</summary>
public static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        NeedsBrackets(name) ? $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']" : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool NeedsBrackets(string name) =>
        name.Length == 0 || name.AsSpan().IndexOfAny(".'[]()/\"\\ \t\r\n$") >= 0;
}
