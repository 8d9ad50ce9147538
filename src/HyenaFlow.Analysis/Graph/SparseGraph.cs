namespace HyenaFlow.Analysis.Graph;

/// <summary>A weighted graph in compressed sparse rows; row i's edges are Columns/Weights[RowStarts[i]..RowStarts[i+1]).</summary>
internal sealed record SparseGraph(int[] RowStarts, int[] Columns, float[] Weights)
{
    public int Count => RowStarts.Length - 1;

    public int EdgeCount => Columns.Length;

    public float MaxWeight() => Weights.Length == 0 ? 0 : Weights.Max();

    /// <summary>A copy without the edges lighter than <paramref name="threshold"/>.</summary>
    public SparseGraph WithoutEdgesBelow(float threshold)
    {
        var starts = new int[RowStarts.Length];
        var columns = new List<int>(Columns.Length);
        var weights = new List<float>(Weights.Length);
        for (int i = 0; i < Count; i++)
        {
            for (int e = RowStarts[i]; e < RowStarts[i + 1]; e++)
            {
                if (Weights[e] >= threshold && Weights[e] > 0)
                {
                    columns.Add(Columns[e]);
                    weights.Add(Weights[e]);
                }
            }

            starts[i + 1] = columns.Count;
        }

        return new SparseGraph(starts, [.. columns], [.. weights]);
    }

    /// <summary>Weighted degree of every vertex.</summary>
    public double[] Degrees()
    {
        var degrees = new double[Count];
        for (int i = 0; i < Count; i++)
            for (int e = RowStarts[i]; e < RowStarts[i + 1]; e++)
                degrees[i] += Weights[e];
        return degrees;
    }

    /// <summary>Connected component of every vertex (numbered from 0 in order of first vertex) and their number.</summary>
    public (int[] Labels, int Count) Components()
    {
        var labels = new int[Count];
        Array.Fill(labels, -1);
        int components = 0;
        var stack = new Stack<int>();
        for (int root = 0; root < Count; root++)
        {
            if (labels[root] >= 0)
                continue;
            labels[root] = components;
            stack.Push(root);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                for (int e = RowStarts[v]; e < RowStarts[v + 1]; e++)
                {
                    if (labels[Columns[e]] < 0)
                    {
                        labels[Columns[e]] = components;
                        stack.Push(Columns[e]);
                    }
                }
            }

            components++;
        }

        return (labels, components);
    }

    /// <summary>The subgraph on <paramref name="vertices"/> (renumbered 0..), keeping only edges inside it.</summary>
    public SparseGraph Subgraph(int[] vertices)
    {
        var local = new Dictionary<int, int>(vertices.Length);
        for (int i = 0; i < vertices.Length; i++)
            local[vertices[i]] = i;
        var starts = new int[vertices.Length + 1];
        var columns = new List<int>();
        var weights = new List<float>();
        for (int i = 0; i < vertices.Length; i++)
        {
            int v = vertices[i];
            for (int e = RowStarts[v]; e < RowStarts[v + 1]; e++)
            {
                if (local.TryGetValue(Columns[e], out int c))
                {
                    columns.Add(c);
                    weights.Add(Weights[e]);
                }
            }

            starts[i + 1] = columns.Count;
        }

        return new SparseGraph(starts, [.. columns], [.. weights]);
    }
}
