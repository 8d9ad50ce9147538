using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Workflows.Runtime.Caching;

/// <summary>JSON text that is the same for equal values whatever order object members were written in: the form
/// that is hashed for cache keys.</summary>
public static class StableJson
{
    public static string Write(JsonNode? value) => value switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => CanonicalJson.Inline(JsonValue.Create(p.Key)) + ":" + Write(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Write)) + "]",
        _ => CanonicalJson.Inline(value),
    };

    public static string Digest(JsonNode? value) => Sha256(Write(value));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
