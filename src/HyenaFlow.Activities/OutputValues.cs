using System.Text.Json.Nodes;

namespace HyenaFlow.Activities;

/// <summary>Output values in the shapes the runtime stores: JSON has no NaN, so an undefined figure becomes null.</summary>
internal static class OutputValues
{
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public static JsonNode? Number(double? value) => value is { } v ? Number(v) : null;
}
