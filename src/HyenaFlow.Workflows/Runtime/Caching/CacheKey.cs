using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Runtime.Caching;

/// <summary>One named ingredient of a cache key: the activity, one input, or one upstream stage's outputs.
/// <see cref="Shown"/> is what `runs why` prints; <see cref="Digest"/> is what is compared.</summary>
public sealed record CacheField(string Name, string Digest, string Shown);

/// <summary>
/// A stage's cache key: sha256 over the activity name and version, each input's canonical value and each
/// upstream stage's output digest. Artifact inputs carry their content digest, so changed data changes the key.
/// </summary>
public sealed record CacheKey(string Value, IReadOnlyList<CacheField> Fields)
{
    public static CacheKey Compute(ActivityDescriptor activity, IReadOnlyDictionary<string, JsonNode?> inputs, IReadOnlyDictionary<string, string> upstreamDigests)
    {
        var fields = new List<CacheField> { new("activity", StableJson.Sha256(activity.Reference), activity.Reference) };
        foreach (var (name, value) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
            fields.Add(new CacheField("input." + name, StableJson.Digest(value), Shorten(StableJson.Write(value))));
        foreach (var (stage, digest) in upstreamDigests.OrderBy(u => u.Key, StringComparer.Ordinal))
            fields.Add(new CacheField("upstream." + stage, digest, "outputs " + digest[..12]));
        var key = StableJson.Sha256(string.Concat(fields.Select(f => f.Name + "=" + f.Digest + "\n")));
        return new CacheKey(key, fields);
    }

    public JsonArray FieldsToJson() =>
        new(Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["digest"] = f.Digest, ["shown"] = f.Shown }).ToArray());

    public static IReadOnlyList<CacheField> FieldsFromJson(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(f => new CacheField(
            f!["name"]!.GetValue<string>(), f["digest"]!.GetValue<string>(), f["shown"]!.GetValue<string>())).ToList();

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
