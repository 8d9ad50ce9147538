using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using N = HyenaFlow.Workflows.Definitions.WorkflowJsonNames;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// Writes a definition in the canonical style (<see cref="CanonicalJson"/>), properties in schema order, leaving
/// out what is not set (no description, no parameters, empty <c>with</c>/<c>needs</c>). A file already in that
/// style reads and writes back byte for byte, which the Studio relies on to save without noise in diffs.
/// </summary>
public static class WorkflowDefinitionWriter
{
    public static string Write(WorkflowDefinition definition) => CanonicalJson.Write(ToJson(definition));

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so a crash never
    /// leaves half a definition behind.</summary>
    public static void WriteFile(WorkflowDefinition definition, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, Write(definition));
        File.Move(temporary, full, overwrite: true);
    }

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var json = new JsonObject();
        if (definition.Schema is not null)
            json[N.Schema] = definition.Schema;
        json[N.Id] = definition.Id;
        json[N.Version] = definition.Version;
        if (definition.Description is not null)
            json[N.Description] = definition.Description;
        if (definition.Parameters.Count > 0)
        {
            var parameters = new JsonObject();
            foreach (var parameter in definition.Parameters)
                parameters[parameter.Name] = Parameter(parameter);
            json[N.Parameters] = parameters;
        }

        json[N.Stages] = new JsonArray(definition.Stages.Select(s => (JsonNode)Stage(s)).ToArray());
        return json;
    }

    private static JsonObject Parameter(ParameterDefinition parameter)
    {
        var json = new JsonObject { [N.Type] = parameter.Type.ToString() };
        if (parameter.Default is not null)
            json[N.Default] = parameter.Default.DeepClone();
        if (parameter.Description is not null)
            json[N.Description] = parameter.Description;
        return json;
    }

    private static JsonObject Stage(StageDefinition stage)
    {
        var json = new JsonObject { [N.Id] = stage.Id, [N.Uses] = stage.Uses };
        if (stage.With.Count > 0)
        {
            var with = new JsonObject();
            foreach (var input in stage.With)
                with[input.Name] = input.Value?.DeepClone();
            json[N.With] = with;
        }

        if (stage.Needs.Count > 0)
            json[N.Needs] = new JsonArray(stage.Needs.Select(n => (JsonNode)n).ToArray());
        if (stage.Matrix is { } matrix)
            json[N.Matrix] = Matrix(matrix);
        if (stage.Retry is { } retry)
            json[N.Retry] = Retry(retry);
        if (stage.Resources is { } resources)
            json[N.Resources] = resources == Resources.Gpu ? "gpu" : "cpu";
        if (stage.Timeout is { } timeout)
            json[N.Timeout] = timeout.Text;
        return json;
    }

    private static JsonObject Matrix(MatrixDefinition matrix)
    {
        var json = new JsonObject();
        foreach (var axis in matrix.Axes)
            json[axis.Name] = new JsonArray(axis.Values.Select(v => v?.DeepClone()).ToArray());
        if (matrix.Include.Count > 0)
            json[N.Include] = Entries(matrix.Include);
        if (matrix.Exclude.Count > 0)
            json[N.Exclude] = Entries(matrix.Exclude);
        return json;
    }

    private static JsonArray Entries(IReadOnlyList<MatrixEntry> entries) =>
        new(entries.Select(e => (JsonNode)new JsonObject(e.Values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value?.DeepClone())))).ToArray());

    private static JsonObject Retry(RetryPolicy retry)
    {
        var json = new JsonObject { [N.Attempts] = retry.Attempts };
        if (retry.Backoff is { } backoff)
            json[N.Backoff] = backoff == Backoff.Exponential ? "exponential" : "fixed";
        if (retry.Delay is { } delay)
            json[N.Delay] = delay.Text;
        if (retry.MaxDelay is { } maxDelay)
            json[N.MaxDelay] = maxDelay.Text;
        return json;
    }
}
