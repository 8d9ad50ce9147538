using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>One entry of a stage's <c>with</c>: an input name and its JSON value, which may hold <c>${{ }}</c>
/// references inside any string.</summary>
public sealed record StageInput(string Name, JsonNode? Value);
