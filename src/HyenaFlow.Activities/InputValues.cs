using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyenaFlow.Activities;

/// <summary>Reads input values whatever backs the node (parsed JSON, or a boxed int from a descriptor default),
/// by going through the JSON text, and names the input when a value has the wrong shape.</summary>
internal static class InputValues
{
    public static long Int64(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        long.TryParse(Text(inputs, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"input '{name}' must be a whole number, got {Text(inputs, name)}");

    public static int Int32(IReadOnlyDictionary<string, JsonNode> inputs, string name, int minimum = int.MinValue)
    {
        var value = Int64(inputs, name);
        return value >= minimum && value <= int.MaxValue
            ? (int)value
            : throw new InvalidDataException($"input '{name}' must be a whole number of at least {minimum}, got {value}");
    }

    /// <summary>An optional whole number: null when the input is absent or JSON null (the descriptors' "not set").</summary>
    public static int? OptionalInt32(IReadOnlyDictionary<string, JsonNode> inputs, string name, int minimum = int.MinValue) =>
        IsSet(inputs, name) ? Int32(inputs, name, minimum) : null;

    public static double Double(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        double.TryParse(Text(inputs, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"input '{name}' must be a number, got {Text(inputs, name)}");

    public static bool Boolean(IReadOnlyDictionary<string, JsonNode> inputs, string name) => Text(inputs, name) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new InvalidDataException($"input '{name}' must be true or false, got {other}"),
    };

    public static string String(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new InvalidDataException($"input '{name}' must be a string, got {Text(inputs, name)}");

    /// <summary>An optional string: null when absent, JSON null or empty.</summary>
    public static string? OptionalString(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        IsSet(inputs, name) && String(inputs, name) is { Length: > 0 } text ? text : null;

    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && node is JsonArray array
            ? array.Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new InvalidDataException($"input '{name}' must be an array of strings; item {i} is {item?.ToJsonString() ?? "null"}")).ToList()
            : throw new InvalidDataException($"input '{name}' must be an array of strings, got {Text(inputs, name)}");

    public static JsonArray Array(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && node is JsonArray array
            ? array
            : throw new InvalidDataException($"input '{name}' must be an array, got {Text(inputs, name)}");

    public static bool IsSet(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && node is not null && node.GetValueKind() != JsonValueKind.Null;

    private static string Text(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && node is not null ? node.ToJsonString() : throw new InvalidDataException($"input '{name}' was not given");
}
