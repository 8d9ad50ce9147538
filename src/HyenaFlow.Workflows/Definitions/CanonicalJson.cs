using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// The canonical text style of definition files: 2-space indent, one object member per line, arrays of scalars on
/// one line (<c>[1, 2]</c>), other arrays one element per line, <c>{}</c>/<c>[]</c> when empty, LF line ends and a
/// final newline, non-ASCII text unescaped. Numbers keep the text they were read with.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions ScalarOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.Append('\n').ToString();
    }

    /// <summary>One value on one line, as it appears inside a canonical file (used in messages and plans).</summary>
    public static string Inline(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Count == 0 ? "{}" : "{ " + string.Join(", ", obj.Select(p => $"{Name(p.Key)}: {Inline(p.Value)}")) + " }",
        JsonArray array => "[" + string.Join(", ", array.Select(Inline)) + "]",
        _ => Scalar(node),
    };

    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                text.Append("{\n");
                var first = true;
                foreach (var (name, value) in obj)
                {
                    if (!first)
                        text.Append(",\n");
                    first = false;
                    Indent(text, depth + 1).Append(Name(name)).Append(": ");
                    Write(text, value, depth + 1);
                }

                Indent(text.Append('\n'), depth).Append('}');
                break;
            case JsonObject:
                text.Append("{}");
                break;
            case JsonArray array when array.Any(e => e is JsonObject or JsonArray):
                text.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        text.Append(",\n");
                    Write(Indent(text, depth + 1), array[i], depth + 1);
                }

                Indent(text.Append('\n'), depth).Append(']');
                break;
            case JsonArray array:
                text.Append('[').AppendJoin(", ", array.Select(Scalar)).Append(']');
                break;
            default:
                text.Append(Scalar(node));
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);

    private static string Name(string name) => JsonSerializer.Serialize(name, ScalarOptions);

    private static string Scalar(JsonNode? node) => node is null ? "null" : node.ToJsonString(ScalarOptions);
}
