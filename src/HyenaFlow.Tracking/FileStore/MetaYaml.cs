using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HyenaFlow.Tracking.FileStore;

/// <summary>
/// The flat YAML mappings MLflow keeps in <c>meta.yaml</c>: keys in sorted order (as PyYAML writes
/// them), scalars quoted whenever plain text could be read back as something else.
/// Values: <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, null, or <see cref="EmptyList"/>.
/// </summary>
internal static class MetaYaml
{
    public static readonly object EmptyList = new();

    private static readonly HashSet<string> SpecialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
    };

    private static readonly JsonSerializerOptions DoubleQuoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads what <see cref="Write"/> and PyYAML's block style produce; folded continuation lines included.</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var raw = new List<(string Key, StringBuilder Value)>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) || line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (raw.Count == 0)
                {
                    throw new InvalidDataException($"{path}: indented line before any key: '{line}'.");
                }

                raw[^1].Value.Append(' ').Append(line.Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"{path}: expected 'key: value', found '{line}'.");
            }

            raw.Add((line[..colon], new StringBuilder(line[(colon + 1)..].Trim())));
        }

        return raw.ToDictionary(r => r.Key, r => ParseScalar(r.Value.ToString(), path), StringComparer.Ordinal);
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ when ReferenceEquals(value, EmptyList) => "[]",
        _ => throw new ArgumentException($"meta.yaml cannot hold a {value.GetType().Name}."),
    };

    private static string Quote(string s)
    {
        if (IsSafePlain(s))
        {
            return s;
        }

        if (s.All(c => !char.IsControl(c)))
        {
            return "'" + s.Replace("'", "''") + "'";
        }

        return JsonSerializer.Serialize(s, DoubleQuoted);
    }

    private static bool IsSafePlain(string s)
    {
        if (s.Length == 0 || SpecialWords.Contains(s) || s.Contains(": ") || s.Contains(" #") || s.EndsWith(':') || s.EndsWith(' '))
        {
            return false;
        }

        // Anything that opens like a number (or a sexagesimal or a date) is quoted rather than reasoned about.
        if (!(char.IsAsciiLetter(s[0]) || s[0] is '/' or '_'))
        {
            return false;
        }

        return s.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '.' or '/' or ':' or '-' or '%' or '@' or '+');
    }

    private static string? ParseScalar(string text, string path)
    {
        if (text.Length == 0 || text is "null" or "~" or "Null" or "NULL")
        {
            return null;
        }

        if (text.StartsWith('\''))
        {
            if (text.Length < 2 || !text.EndsWith('\''))
            {
                throw new InvalidDataException($"{path}: unterminated single-quoted value {text}.");
            }

            return text[1..^1].Replace("''", "'");
        }

        if (text.StartsWith('"'))
        {
            return UnescapeDoubleQuoted(text, path);
        }

        return text;
    }

    private static string UnescapeDoubleQuoted(string text, string path)
    {
        if (text.Length < 2 || !text.EndsWith('"'))
        {
            throw new InvalidDataException($"{path}: unterminated double-quoted value {text}.");
        }

        var body = text[1..^1];
        var result = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 == body.Length)
            {
                result.Append(body[i]);
                continue;
            }

            var escape = body[++i];
            switch (escape)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '0': result.Append('\0'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'x': result.Append(Hex(body, ref i, 2)); break;
                case 'u': result.Append(Hex(body, ref i, 4)); break;
                case 'U': result.Append(Hex(body, ref i, 8)); break;
                default: result.Append(escape); break;
            }
        }

        return result.ToString();
    }

    private static string Hex(string body, ref int i, int digits)
    {
        var code = int.Parse(body.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += digits;
        return char.ConvertFromUtf32(code);
    }
}
