using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Server.Activities;

/// <summary>An activity as the Studio's palette and forms need it. <see cref="InputSchema"/> is one JSON schema
/// object of all inputs (properties and required), built from each input's own schema.</summary>
public sealed record ActivityView(
    string Name,
    string Version,
    string Reference,
    string Category,
    string Description,
    string Resources,
    IReadOnlyList<InputView> Inputs,
    IReadOnlyList<OutputView> Outputs,
    JsonObject InputSchema)
{
    public static ActivityView From(ActivityDescriptor descriptor)
    {
        var properties = new JsonObject();
        foreach (var input in descriptor.Inputs)
            properties[input.Name] = input.Schema.DeepClone();
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(descriptor.Inputs.Where(i => i.MustBeGiven).Select(i => (JsonNode?)i.Name).ToArray()),
            ["additionalProperties"] = false,
        };
        return new ActivityView(
            descriptor.Name,
            descriptor.Version,
            descriptor.Reference,
            descriptor.Category,
            descriptor.Description,
            descriptor.DefaultResources.ToString().ToLowerInvariant(),
            descriptor.Inputs.Select(i => new InputView(i.Name, i.Type.ToString(), i.Required, i.Default?.DeepClone(), i.Description, (JsonObject)i.Schema.DeepClone())).ToList(),
            descriptor.Outputs.Select(o => new OutputView(o.Name, o.Type.ToString(), o.Description)).ToList(),
            schema);
    }
}

public sealed record InputView(string Name, string Type, bool Required, JsonNode? Default, string Description, JsonObject Schema);

public sealed record OutputView(string Name, string Type, string Description);
