using System.Text;
using System.Text.RegularExpressions;

namespace HyenaFlow.Deployment.Tests.Compose;

/// <summary>One <c>${NAME…}</c> in the compose file: its operator (<c>:-</c>, <c>-</c>, <c>:?</c>, <c>?</c>,
/// <c>:+</c>, <c>+</c> or empty), the default or message after it, and the line.</summary>
internal sealed record VariableUse(string Name, string Operator, string Argument, int Line);

/// <summary>
/// Docker Compose's variable substitution: <c>${NAME}</c>, <c>$NAME</c>, <c>${NAME:-default}</c>,
/// <c>${NAME-default}</c>, <c>${NAME:?message}</c>, <c>${NAME?message}</c>, <c>${NAME:+alt}</c>, <c>${NAME+alt}</c>,
/// and <c>$$</c> for a literal dollar. Applied to the whole text, which is equivalent to compose's per-value
/// substitution as long as no substituted value needs YAML quoting the file does not give it. Whole-line comments
/// are left as they are.
/// </summary>
internal static partial class ComposeInterpolation
{
    public static (string Text, IReadOnlyList<VariableUse> Uses) Apply(string text, IReadOnlyDictionary<string, string> values, string fileName)
    {
        var uses = new List<VariableUse>();
        var output = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Reference().Matches(text))
        {
            if (InCommentLine(text, match.Index))
                continue;
            output.Append(text, last, match.Index - last);
            last = match.Index + match.Length;
            if (match.Value == "$$")
            {
                output.Append('$');
                continue;
            }

            var line = 1 + text.AsSpan(0, match.Index).Count('\n');
            if (match.Groups["unclosed"].Success)
                throw new InvalidDataException($"{fileName} line {line}: '${{' without a closing '}}' or with an invalid variable name");
            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;
            var use = new VariableUse(name, match.Groups["op"].Value, match.Groups["arg"].Value, line);
            uses.Add(use);
            output.Append(Resolve(use, values, fileName));
        }

        output.Append(text, last, text.Length - last);
        return (output.ToString(), uses);
    }

    // Compose substitutes values, and comments are no values. Whole-line comments are left alone here; the file
    // keeps "${" out of trailing comments.
    private static bool InCommentLine(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text.AsSpan(start, index - start).TrimStart().StartsWith("#");
    }

    private static string Resolve(VariableUse use, IReadOnlyDictionary<string, string> values, string fileName)
    {
        var defined = values.TryGetValue(use.Name, out var value);
        var nonEmpty = !string.IsNullOrEmpty(value);
        return use.Operator switch
        {
            ":-" => nonEmpty ? value! : use.Argument,
            "-" => defined ? value! : use.Argument,
            ":?" => nonEmpty ? value! : throw Required(use, fileName),
            "?" => defined ? value! : throw Required(use, fileName),
            ":+" => nonEmpty ? use.Argument : "",
            "+" => defined ? use.Argument : "",
            _ => value ?? "",
        };
    }

    private static InvalidDataException Required(VariableUse use, string fileName) =>
        new($"{fileName} line {use.Line}: ${{{use.Name}{use.Operator}…}} requires {use.Name}: {use.Argument}");

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)|(?<unclosed>\$\{)")]
    private static partial Regex Reference();
}
