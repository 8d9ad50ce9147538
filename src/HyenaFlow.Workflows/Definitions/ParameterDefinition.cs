using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>A workflow parameter, referable as <c>${{ parameters.&lt;name&gt; }}</c>. Without a default it must be
/// given when a run is planned.</summary>
public sealed record ParameterDefinition(string Name, DataType Type, JsonNode? Default, string? Description);
