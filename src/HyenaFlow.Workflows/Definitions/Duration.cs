using System.Text.RegularExpressions;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// A duration as written in a definition: one or more number+unit parts, largest first, e.g. <c>90s</c>,
/// <c>30m</c>, <c>12h</c>, <c>1h30m</c>, <c>2d</c> (units ms, s, m, h, d). The text is kept as written so
/// definitions round-trip byte for byte.
/// </summary>
public readonly partial record struct Duration(string Text, TimeSpan Value)
{
    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || !Shape().IsMatch(text))
            return false;
        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups["n"].Value, out var n))
                return false;
            total += part.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromDays(n),
            };
        }

        duration = new Duration(text, total);
        return true;
    }

    public static Duration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a duration such as 90s, 30m, 1h30m");

    public override string ToString() => Text;

    /// <summary>The same shape as "pattern" of duration in workflows/schema.json.</summary>
    internal const string Pattern = "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("(?<n>[0-9]+)(?<unit>ms|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
