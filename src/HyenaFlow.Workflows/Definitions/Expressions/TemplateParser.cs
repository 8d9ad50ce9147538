namespace HyenaFlow.Workflows.Definitions.Expressions;

/// <summary>
/// Finds <c>${{ … }}</c> in a string and reads what is inside with a tiny tokenizer: names (letters, digits,
/// <c>_</c>, <c>-</c>) separated by dots, spaces around allowed. Only the three reference shapes are accepted;
/// anything else (operators, calls, quotes, unknown contexts) is an error, never evaluated.
/// </summary>
public static class TemplateParser
{
    private const string Open = "${{";
    private const string Close = "}}";

    public static bool ContainsExpression(string text) => text.Contains(Open, StringComparison.Ordinal);

    public static Template Parse(string text) =>
        TryParse(text, out var template, out var error) ? template : throw new FormatException(error);

    public static bool TryParse(string text, out Template template, out string error)
    {
        template = new Template([]);
        error = "";
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TextPart(text[position..]));
                break;
            }

            if (open > position)
                parts.Add(new TextPart(text[position..open]));
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"unterminated expression at character {open + 1}: '{Open}' without '{Close}'";
                return false;
            }

            var inside = text[(open + Open.Length)..close];
            if (!TryReadReference(inside, out var reference, out var problem))
            {
                error = $"bad expression '{text[open..(close + Close.Length)]}': {problem}";
                return false;
            }

            parts.Add(new ReferencePart(reference));
            position = close + Close.Length;
        }

        template = new Template(parts);
        return true;
    }

    private static bool TryReadReference(string inside, out Reference reference, out string problem)
    {
        reference = new ParameterReference("");
        if (!TryTokenize(inside, out var names, out problem))
            return false;
        switch (names)
        {
            case []:
                problem = "the expression is empty";
                return false;
            case ["parameters", var name]:
                reference = new ParameterReference(name);
                return true;
            case ["stages", var stage, "outputs", var output]:
                reference = new StageOutputReference(stage, output);
                return true;
            case ["matrix", var key]:
                reference = new MatrixReference(key);
                return true;
            case ["parameters", ..]:
                problem = "expected parameters.<name>";
                return false;
            case ["stages", ..]:
                problem = "expected stages.<id>.outputs.<name>";
                return false;
            case ["matrix", ..]:
                problem = "expected matrix.<key>";
                return false;
            default:
                problem = $"unknown context '{names[0]}'; expected parameters, stages or matrix";
                return false;
        }
    }

    /// <summary>Reads <c>name . name . name</c>: names and dots, spaces between tokens ignored; any other
    /// character, a name missing around a dot, or two names without a dot between them is an error.</summary>
    private static bool TryTokenize(string inside, out List<string> names, out string problem)
    {
        names = [];
        problem = "";
        var expectName = true;
        var sawDot = false;
        for (var i = 0; i < inside.Length;)
        {
            var c = inside[i];
            if (c is ' ' or '\t')
            {
                i++;
            }
            else if (Identifiers.IsNameChar(c))
            {
                var start = i;
                while (i < inside.Length && Identifiers.IsNameChar(inside[i]))
                    i++;
                if (!expectName)
                {
                    problem = $"expected '.' before '{inside[start..i]}'";
                    return false;
                }

                names.Add(inside[start..i]);
                expectName = false;
            }
            else if (c == '.')
            {
                if (expectName)
                {
                    problem = "a name is missing before '.'";
                    return false;
                }

                expectName = true;
                sawDot = true;
                i++;
            }
            else
            {
                problem = $"unexpected '{c}'; only references such as parameters.x, stages.x.outputs.y or matrix.x are allowed";
                return false;
            }
        }

        if (expectName && sawDot)
        {
            problem = "a name is missing after the last '.'";
            return false;
        }

        return true;
    }
}
