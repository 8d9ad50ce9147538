using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Activities;

/// <summary>One input of an activity. <paramref name="Schema"/> is the JSON schema the Studio renders a form from;
/// <paramref name="Default"/> is used when a stage leaves the input out.</summary>
public sealed record InputDescriptor(
    string Name,
    DataType Type,
    bool Required,
    JsonNode? Default,
    string Description,
    JsonObject Schema)
{
    /// <summary>An input whose schema is the one its type implies, with the description (and default) folded in.</summary>
    public InputDescriptor(string name, DataType type, bool required, JsonNode? @default, string description)
        : this(name, type, required, @default, description, SchemaFor(type, @default, description))
    {
    }

    /// <summary>Required with no default: a stage must give it in <c>with</c>.</summary>
    public bool MustBeGiven => Required && Default is null;

    private static JsonObject SchemaFor(DataType type, JsonNode? @default, string description)
    {
        var schema = type.ToJsonSchema();
        if (description.Length > 0)
            schema["description"] = description;
        if (@default is not null)
            schema["default"] = @default.DeepClone();
        return schema;
    }
}
