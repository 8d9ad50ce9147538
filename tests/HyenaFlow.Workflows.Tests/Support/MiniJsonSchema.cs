using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HyenaFlow.Workflows.Tests.Support;

/// <summary>
/// Just enough of JSON Schema 2020-12 to check workflows/schema.json against documents offline: the keywords the
/// schema uses. Any keyword it does not know makes it throw, so the schema cannot grow beyond what is tested.
/// </summary>
public sealed class MiniJsonSchema(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "default", "$defs", "format"];

    public List<string> Errors(JsonNode? document)
    {
        var errors = new List<string>();
        Check(root, document, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var (keyword, argument) in schema)
        {
            if (Annotations.Contains(keyword))
                continue;
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve(argument!.GetValue<string>()), value, path, errors);
                    break;
                case "type":
                    var types = argument is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => HasType(value, t)))
                        errors.Add($"{path}: not of type {string.Join("|", types)}");
                    break;
                case "enum":
                    if (!argument!.AsArray().Any(option => JsonNode.DeepEquals(option, value)))
                        errors.Add($"{path}: not one of {argument.ToJsonString()}");
                    break;
                case "pattern":
                    if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && !Regex.IsMatch(text.GetValue<string>(), argument!.GetValue<string>()))
                        errors.Add($"{path}: does not match {argument}");
                    break;
                case "minLength":
                    if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length < argument!.GetValue<int>())
                        errors.Add($"{path}: shorter than {argument}");
                    break;
                case "minimum" or "maximum":
                    if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                    {
                        var number = n.GetValue<double>();
                        var limit = argument!.GetValue<double>();
                        if (keyword == "minimum" ? number < limit : number > limit)
                            errors.Add($"{path}: {keyword} {limit}");
                    }

                    break;
                case "properties" or "additionalProperties" or "propertyNames" or "required" or "minProperties":
                    if (value is JsonObject obj)
                        CheckObject(keyword, argument, schema, obj, path, errors);
                    break;
                case "items" or "minItems" or "uniqueItems":
                    if (value is JsonArray array)
                        CheckArray(keyword, argument!, array, path, errors);
                    break;
                default:
                    throw new NotSupportedException($"keyword '{keyword}' is not supported by the test's schema checker");
            }
        }
    }

    private void CheckObject(string keyword, JsonNode? argument, JsonObject schema, JsonObject value, string path, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        switch (keyword)
        {
            case "properties":
                foreach (var (name, member) in value)
                {
                    if (properties!.ContainsKey(name))
                        Check(properties[name]!.AsObject(), member, $"{path}.{name}", errors);
                }

                break;
            case "additionalProperties":
                foreach (var (name, member) in value.Where(p => properties is null || !properties.ContainsKey(p.Key)))
                {
                    if (argument is JsonValue flag && !flag.GetValue<bool>())
                        errors.Add($"{path}.{name}: additional property");
                    else if (argument is JsonObject additional)
                        Check(additional, member, $"{path}.{name}", errors);
                }

                break;
            case "propertyNames":
                foreach (var name in value.Select(p => p.Key).Where(n => properties is null || !properties.ContainsKey(n)))
                    Check(argument!.AsObject(), JsonValue.Create(name), $"{path}.{name}(name)", errors);
                break;
            case "required":
                foreach (var name in argument!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !value.ContainsKey(n)))
                    errors.Add($"{path}.{name}: required");
                break;
            case "minProperties":
                if (value.Count < argument!.GetValue<int>())
                    errors.Add($"{path}: fewer than {argument} properties");
                break;
        }
    }

    private void CheckArray(string keyword, JsonNode argument, JsonArray value, string path, List<string> errors)
    {
        switch (keyword)
        {
            case "items":
                for (var i = 0; i < value.Count; i++)
                    Check(argument.AsObject(), value[i], $"{path}[{i}]", errors);
                break;
            case "minItems":
                if (value.Count < argument.GetValue<int>())
                    errors.Add($"{path}: fewer than {argument} items");
                break;
            case "uniqueItems":
                if (argument.GetValue<bool>() && value.Select((v, i) => value.Take(i).Any(u => JsonNode.DeepEquals(u, v))).Any(repeated => repeated))
                    errors.Add($"{path}: items repeat");
                break;
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
            throw new NotSupportedException($"$ref {reference}");
        return root["$defs"]![reference[prefix.Length..]]!.AsObject();
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "null" => value is null,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && decimal.TryParse(i.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && decimal.Truncate(d) == d,
        _ => throw new NotSupportedException($"type {type}"),
    };
}
