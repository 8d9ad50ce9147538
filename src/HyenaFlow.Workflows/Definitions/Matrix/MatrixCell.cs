using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions.Matrix;

/// <summary>
/// One combination of a matrix: key/value pairs, axis keys first in declaration order, then keys that
/// <c>include</c> added, in the order they were added.
/// </summary>
/// <remarks>
/// Expanded stage ids have the form <c>stage[key=value,key=value]</c> listing the cell's identity keys in the
/// order above: for a product cell its axis values only (<c>finetune[arm=32k-main,seed=1]</c>; keys an include
/// merely adds describe the cell, they do not identify it), for a cell an include created all of its keys.
/// Strings are written as they are, numbers with the text they were written with, booleans as
/// <c>true</c>/<c>false</c>. So that an id always splits back unambiguously, the characters
/// <c>% , = [ ]</c>, spaces and control characters inside a value are percent-encoded (UTF-8), as in URLs:
/// <c>"a,b"</c> becomes <c>a%2Cb</c>. The id depends only on the definition, never on run order.
/// </remarks>
public sealed class MatrixCell
{
    /// <param name="values">The cell's pairs in order.</param>
    /// <param name="identity">The keys its id lists (default: all).</param>
    public MatrixCell(IEnumerable<KeyValuePair<string, JsonNode?>> values, IEnumerable<string>? identity = null)
    {
        Values = values.ToList();
        var keys = identity?.ToHashSet(StringComparer.Ordinal);
        IdentityKeys = Values.Select(v => v.Key).Where(k => keys is null || keys.Contains(k)).ToList();
    }

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Values { get; }

    /// <summary>The keys the expanded id lists, in cell order.</summary>
    public IReadOnlyList<string> IdentityKeys { get; }

    public IEnumerable<string> Keys => Values.Select(v => v.Key);

    public bool Has(string key) => Values.Any(v => v.Key == key);

    public JsonNode? this[string key] => Values.First(v => v.Key == key).Value;

    /// <summary>Whether this cell has every pair of <paramref name="entry"/> with an equal value.</summary>
    public bool Matches(IEnumerable<KeyValuePair<string, JsonNode?>> entry) =>
        entry.All(pair => Has(pair.Key) && JsonNode.DeepEquals(this[pair.Key], pair.Value));

    public string IdFor(string stageId) =>
        $"{stageId}[{string.Join(",", IdentityKeys.Select(k => $"{k}={FormatValue(this[k])}"))}]";

    /// <summary>The cell as a JSON object (what <c>${{ matrix }}</c> would be if it were referable whole).</summary>
    public JsonObject ToJson() => new(Values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value?.DeepClone())));

    public override string ToString() => string.Join(",", Values.Select(v => $"{v.Key}={FormatValue(v.Value)}"));

    internal static string FormatValue(JsonNode? value)
    {
        var text = value switch
        {
            null => "null",
            JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
            _ => value.ToJsonString(),
        };
        return Escape(text);
    }

    private static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
            return text;
        var escaped = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && NeedsEscape((char)rune.Value))
            {
                var length = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..length])
                    escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(rune.ToString());
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => c is '%' or ',' or '=' or '[' or ']' or ' ' || char.IsControl(c);
}
