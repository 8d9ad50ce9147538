using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Definitions.Matrix;

/// <summary>
/// What a downstream stage sees when it references an output of a matrix stage (the fan-in rule):
/// <list type="bullet">
/// <item>A downstream cell reads the upstream cells that agree with it on every upstream axis the downstream cell
/// also has a value for (its own axis or a key its <c>include</c> added). A downstream stage without a matrix, or
/// with none of those keys, reads every cell.</item>
/// <item>If every downstream cell has a value for every upstream axis, exactly one upstream cell matches: the
/// reference is that cell's output, of the output's own type (one-to-one: <c>finetune</c> cells that carry
/// <c>length: 1024</c> read <c>build-dataset[length=1024]</c>).</item>
/// <item>Otherwise the reference is an array of the matching cells' outputs, in cell order, typed <c>T[]</c>
/// (fan-in: <c>compare</c> reads every arm's metrics).</item>
/// </list>
/// </summary>
public static class MatrixFanIn
{
    /// <summary>Whether the reference yields one cell's output rather than an array.</summary>
    /// <param name="upstream">The referenced stage's matrix (null: not a matrix stage).</param>
    /// <param name="downstreamCells">The referencing stage's cells (null: not a matrix stage).</param>
    public static bool IsOneToOne(MatrixDefinition? upstream, IReadOnlyList<MatrixCell>? downstreamCells) =>
        upstream is null
            || (upstream.Axes.Count > 0 && downstreamCells is { Count: > 0 }
                && downstreamCells.All(cell => upstream.AxisNames.All(cell.Has)));

    /// <summary>The type downstream sees for an upstream output of type <paramref name="output"/>.</summary>
    public static DataType TypeSeen(MatrixDefinition? upstream, IReadOnlyList<MatrixCell>? downstreamCells, DataType output) =>
        IsOneToOne(upstream, downstreamCells) ? output : output.MakeArray();

    /// <summary>Indexes of the upstream cells a downstream cell reads.</summary>
    public static IReadOnlyList<int> Matching(IReadOnlyList<MatrixCell> upstreamCells, MatrixDefinition upstream, MatrixCell? downstreamCell)
    {
        var key = downstreamCell is null
            ? []
            : upstream.AxisNames.Where(downstreamCell.Has).Select(k => new KeyValuePair<string, JsonNode?>(k, downstreamCell[k])).ToList();
        var matching = new List<int>();
        for (var i = 0; i < upstreamCells.Count; i++)
        {
            if (upstreamCells[i].Matches(key))
                matching.Add(i);
        }

        return matching;
    }
}
