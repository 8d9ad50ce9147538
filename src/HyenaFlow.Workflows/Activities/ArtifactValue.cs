using HyenaFlow.Storage;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// How an artifact travels between stages: a JSON string <c>artifact:file:&lt;sha256&gt;:&lt;length&gt;</c> (or
/// <c>artifact:dir:…</c>). The digest in the text is what makes a downstream cache key change when content does.
/// </summary>
public static partial class ArtifactValue
{
    public static JsonNode Format(ArtifactRef artifact) =>
        JsonValue.Create($"artifact:{(artifact.Kind == ArtifactKind.Directory ? "dir" : "file")}:{artifact.Digest}:{artifact.Length.ToString(CultureInfo.InvariantCulture)}");

    public static bool IsArtifact(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Shape().IsMatch(v.GetValue<string>());

    public static ArtifactRef Parse(JsonNode? value)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "null";
        var match = Shape().Match(text);
        if (!match.Success)
            throw new InvalidDataException($"'{text}' is not an artifact reference; expected artifact:file|dir:<sha256>:<length>");
        return new ArtifactRef(
            match.Groups["kind"].Value == "dir" ? ArtifactKind.Directory : ArtifactKind.File,
            match.Groups["digest"].Value,
            long.Parse(match.Groups["length"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Every artifact reference inside a value (arrays and objects searched), for existence checks.</summary>
    public static IEnumerable<ArtifactRef> FindAll(JsonNode? value) => value switch
    {
        JsonArray array => array.SelectMany(FindAll),
        JsonObject obj => obj.SelectMany(p => FindAll(p.Value)),
        _ when IsArtifact(value) => [Parse(value)],
        _ => [],
    };

    [GeneratedRegex("^artifact:(?<kind>file|dir):(?<digest>[0-9a-f]{64}):(?<length>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
