using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// A stage's matrix: named axes whose cartesian product gives the cells, then <c>exclude</c> removes cells and
/// <c>include</c> extends or adds cells, as GitHub Actions does. See <see cref="Matrix.MatrixExpander"/>.
/// </summary>
public sealed record MatrixDefinition(
    IReadOnlyList<MatrixAxis> Axes,
    IReadOnlyList<MatrixEntry> Include,
    IReadOnlyList<MatrixEntry> Exclude)
{
    public IEnumerable<string> AxisNames => Axes.Select(a => a.Name);
}

/// <summary>One axis: a key and the values it takes, in order.</summary>
public sealed record MatrixAxis(string Name, IReadOnlyList<JsonNode?> Values);

/// <summary>One <c>include</c> or <c>exclude</c> object: key/value pairs in written order.</summary>
public sealed record MatrixEntry(IReadOnlyList<KeyValuePair<string, JsonNode?>> Values);
