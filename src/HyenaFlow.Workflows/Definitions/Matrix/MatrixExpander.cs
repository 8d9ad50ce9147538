using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Definitions.Matrix;

/// <summary>
/// Expands a matrix into its cells with GitHub Actions semantics:
/// <list type="number">
/// <item>the cartesian product of the axes, first axis varying slowest (no axes: no cells yet);</item>
/// <item><c>exclude</c> removes every product cell that has all of an entry's pairs (partial matches count);</item>
/// <item>each <c>include</c> entry is added to every product cell whose axis values it does not contradict
/// (keys it adds may overwrite values an earlier include added, never axis values); an entry that fits no
/// product cell becomes a new cell of its own, after the product cells.</item>
/// </list>
/// </summary>
public static class MatrixExpander
{
    public static IReadOnlyList<MatrixCell> Expand(MatrixDefinition matrix)
    {
        var axisNames = matrix.AxisNames.ToHashSet(StringComparer.Ordinal);
        var cells = Product(matrix.Axes);
        cells.RemoveAll(cell => matrix.Exclude.Any(entry => entry.Values.Count > 0 && Matches(cell, entry.Values)));

        var productCount = cells.Count;
        foreach (var entry in matrix.Include)
        {
            var fitted = false;
            for (var i = 0; i < productCount; i++)
            {
                var cell = cells[i];
                if (!entry.Values.Where(pair => axisNames.Contains(pair.Key)).All(pair => Equal(cell, pair)))
                    continue;
                foreach (var (key, value) in entry.Values)
                    Set(cell, key, value);
                fitted = true;
            }

            if (!fitted)
                cells.Add(NewCell(matrix, entry));
        }

        var axes = matrix.AxisNames.ToList();
        return cells.Select((values, i) => new MatrixCell(values, i < productCount ? axes : null)).ToList();
    }

    private static List<List<KeyValuePair<string, JsonNode?>>> Product(IReadOnlyList<MatrixAxis> axes)
    {
        if (axes.Count == 0)
            return [];
        List<List<KeyValuePair<string, JsonNode?>>> cells = [[]];
        foreach (var axis in axes)
        {
            cells = cells
                .SelectMany(cell => axis.Values.Select(value => new List<KeyValuePair<string, JsonNode?>>(cell) { new(axis.Name, value) }))
                .ToList();
        }

        return cells;
    }

    // Axis keys first in declaration order, so that an include-made cell's id reads like the others.
    private static List<KeyValuePair<string, JsonNode?>> NewCell(MatrixDefinition matrix, MatrixEntry entry) =>
        entry.Values.OrderBy(pair => IndexOfAxis(matrix, pair.Key)).ToList();

    private static int IndexOfAxis(MatrixDefinition matrix, string key)
    {
        for (var i = 0; i < matrix.Axes.Count; i++)
        {
            if (matrix.Axes[i].Name == key)
                return i;
        }

        return matrix.Axes.Count;
    }

    private static bool Matches(List<KeyValuePair<string, JsonNode?>> cell, IEnumerable<KeyValuePair<string, JsonNode?>> entry) =>
        entry.All(pair => Equal(cell, pair));

    private static bool Equal(List<KeyValuePair<string, JsonNode?>> cell, KeyValuePair<string, JsonNode?> pair)
    {
        var index = cell.FindIndex(v => v.Key == pair.Key);
        return index >= 0 && JsonNode.DeepEquals(cell[index].Value, pair.Value);
    }

    private static void Set(List<KeyValuePair<string, JsonNode?>> cell, string key, JsonNode? value)
    {
        var index = cell.FindIndex(v => v.Key == key);
        if (index >= 0)
            cell[index] = new(key, value);
        else
            cell.Add(new(key, value));
    }
}
