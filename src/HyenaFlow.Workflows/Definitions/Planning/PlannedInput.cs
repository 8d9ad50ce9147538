using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>
/// One input of a planned stage. <see cref="Value"/> has parameters and matrix values already substituted; each
/// place that waits for an upstream output holds null in it and is described by one <see cref="PendingValue"/>.
/// <see cref="FromDefault"/> marks an input the stage left out and the activity's default fills.
/// </summary>
public sealed record PlannedInput(string Name, JsonNode? Value, IReadOnlyList<PendingValue> Pending, bool FromDefault)
{
    public bool IsResolved => Pending.Count == 0;

    /// <summary>The final value once upstream outputs are known.</summary>
    /// <param name="outputOf">The value of output <c>name</c> of the expanded stage <c>id</c>.</param>
    public JsonNode? Resolve(Func<string, string, JsonNode?> outputOf)
    {
        var root = Value?.DeepClone();
        foreach (var pending in Pending)
        {
            var value = pending.Evaluate(outputOf);
            if (pending.Location.Count == 0)
                root = value;
            else
                Place(root!, pending.Location, value);
        }

        return root;
    }

    private static void Place(JsonNode root, IReadOnlyList<ValueStep> location, JsonNode? value)
    {
        var parent = root;
        foreach (var step in location.Take(location.Count - 1))
            parent = step.Property is { } property ? parent[property]! : parent[step.Index]!;
        var last = location[^1];
        if (last.Property is { } name)
            parent[name] = value;
        else
            parent[last.Index] = value;
    }
}

/// <summary>A step into a JSON value: an object property, or (when <see cref="Property"/> is null) an array index.</summary>
public readonly record struct ValueStep(string? Property, int Index)
{
    public override string ToString() => Property is null ? $"[{Index}]" : JsonPaths.Property("", Property);
}

/// <summary>A place inside an input that waits on upstream outputs: either exactly one output (the whole value)
/// or a string made of literal text and outputs.</summary>
public sealed record PendingValue(IReadOnlyList<ValueStep> Location, IReadOnlyList<PendingPart> Parts)
{
    public IEnumerable<OutputBinding> Bindings => Parts.OfType<OutputBinding>();

    public JsonNode? Evaluate(Func<string, string, JsonNode?> outputOf)
    {
        if (Parts is [OutputBinding whole])
            return whole.Read(outputOf);
        return JsonValue.Create(string.Concat(Parts.Select(p => p switch
        {
            LiteralText text => text.Text,
            OutputBinding binding => Interpolation.Format(binding.Read(outputOf)),
            _ => "",
        })));
    }
}

public abstract record PendingPart;

public sealed record LiteralText(string Text) : PendingPart;

/// <summary>
/// Output <see cref="Output"/> of stage <see cref="Stage"/>, read from the expanded stages <see cref="Cells"/>:
/// one cell's value, or with <see cref="FanIn"/> an array of every listed cell's value in that order
/// (see <see cref="Matrix.MatrixFanIn"/>).
/// </summary>
public sealed record OutputBinding(string Stage, string Output, IReadOnlyList<string> Cells, bool FanIn) : PendingPart
{
    public JsonNode? Read(Func<string, string, JsonNode?> outputOf) =>
        FanIn
            ? new JsonArray(Cells.Select(cell => outputOf(cell, Output)?.DeepClone()).ToArray())
            : outputOf(Cells[0], Output)?.DeepClone();

    public override string ToString() =>
        FanIn ? $"[{string.Join(", ", Cells.Select(c => $"{c}.{Output}"))}]" : $"{Cells[0]}.{Output}";
}
