using System.Text.RegularExpressions;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>The shape of workflow, stage, parameter, input, output and matrix-key names. Kept free of
/// <c>[ ] , = .</c> so that references (<c>stages.a.outputs.b</c>) and expanded ids (<c>a[k=v]</c>) stay
/// unambiguous.</summary>
public static partial class Identifiers
{
    /// <summary>The same pattern as "identifier" in workflows/schema.json.</summary>
    public const string Pattern = "^[A-Za-z_][A-Za-z0-9_-]{0,63}$";

    public static bool IsValid(string? name) => name is not null && Shape().IsMatch(name);

    internal static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
