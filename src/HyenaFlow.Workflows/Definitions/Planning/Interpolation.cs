using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>How a value reads when embedded in a larger string: strings as they are, anything else as its JSON
/// text (<c>1024</c>, <c>true</c>, <c>null</c>).</summary>
internal static class Interpolation
{
    public static string Format(JsonNode? value) =>
        value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            ? scalar.GetValue<string>()
            : CanonicalJson.Inline(value);
}
