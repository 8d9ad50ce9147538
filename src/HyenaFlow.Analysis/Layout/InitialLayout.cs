using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Graph;

namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// The starting coordinates, as umap-learn makes them: a spectral embedding of the graph (each connected
/// component on its own, placed apart), stretched to [−10, 10] with a little noise; uniform random when
/// asked or when the eigenvectors cannot be had. Finally every axis is rescaled to [0, 10].
/// </summary>
internal static class InitialLayout
{
    public static (float[] Coordinates, string Description) Create(SparseGraph graph, PointSpace space, UmapOptions options)
    {
        int n = graph.Count, dim = options.Components;
        var rng = FastRandom.For(options.Seed, 5);
        double[,]? layout = null;
        string description;
        if (options.Initialisation == UmapInitialisation.Random)
        {
            description = "random (requested)";
        }
        else
        {
            layout = Spectral(graph, space, dim, options.Seed, options.Parallel, ref rng, out description);
        }

        var coordinates = new float[n * dim];
        if (layout is null)
        {
            for (int i = 0; i < coordinates.Length; i++)
                coordinates[i] = (float)(rng.NextDouble() * 20 - 10);
        }
        else
        {
            double max = 0;
            foreach (double x in layout)
                max = Math.Max(max, Math.Abs(x));
            double expansion = max > 0 ? 10 / max : 1;
            for (int i = 0; i < n; i++)
                for (int d = 0; d < dim; d++)
                    coordinates[i * dim + d] = (float)(layout[i, d] * expansion) + (float)(rng.NextGaussian() * 1e-4);
        }

        RescaleAxes(coordinates, n, dim);
        return (coordinates, description);
    }

    private static double[,]? Spectral(SparseGraph graph, PointSpace space, int dim, int seed, bool parallel, ref FastRandom rng, out string description)
    {
        int n = graph.Count;
        if (n <= dim + 1)
        {
            description = $"random (spectral needs more than {dim + 1} points)";
            return null;
        }

        var (labels, components) = graph.Components();
        if (components == 1)
        {
            var vectors = KrylovEigenvectors.Compute(graph, dim, seed, parallel, out string? failure);
            description = vectors is null ? $"random (spectral failed: {failure})" : "spectral";
            return vectors;
        }

        return MultiComponent(graph, space, dim, seed, parallel, labels, components, ref rng, out description);
    }

    /// <summary>umap-learn's multi_component_layout: each component's own spectral layout, shrunk around its place in a meta layout.</summary>
    private static double[,] MultiComponent(SparseGraph graph, PointSpace space, int dim, int seed, bool parallel, int[] labels, int components, ref FastRandom rng, out string description)
    {
        var members = new List<int>[components];
        for (int c = 0; c < components; c++)
            members[c] = [];
        for (int i = 0; i < labels.Length; i++)
            members[labels[i]].Add(i);

        var (meta, metaMethod) = MetaLayout.Place(space, members, dim, seed);
        var result = new double[graph.Count, dim];
        int randomComponents = 0;
        for (int c = 0; c < components; c++)
        {
            double range = double.PositiveInfinity;
            for (int o = 0; o < components; o++)
            {
                double d = 0;
                for (int x = 0; x < dim; x++)
                    d += (meta[c, x] - meta[o, x]) * (meta[c, x] - meta[o, x]);
                if (d > 0)
                    range = Math.Min(range, Math.Sqrt(d) / 2);
            }

            if (double.IsPositiveInfinity(range))
                range = 1;
            int[] vertices = [.. members[c]];
            double[,]? vectors = vertices.Length < 2 * dim || vertices.Length <= dim + 1
                ? null
                : KrylovEigenvectors.Compute(graph.Subgraph(vertices), dim, seed + c, parallel, out _);
            if (vectors is null)
                randomComponents++;
            double max = 0;
            if (vectors is not null)
                foreach (double x in vectors)
                    max = Math.Max(max, Math.Abs(x));
            for (int v = 0; v < vertices.Length; v++)
            {
                for (int x = 0; x < dim; x++)
                {
                    double local = vectors is null || max == 0
                        ? (rng.NextDouble() * 2 - 1) * range
                        : vectors[v, x] * range / max;
                    result[vertices[v], x] = local + meta[c, x];
                }
            }
        }

        description = $"spectral ({components} components, meta layout by {metaMethod}" +
            (randomComponents > 0 ? $", {randomComponents} too small or unconverged placed at random)" : ")");
        return result;
    }

    private static void RescaleAxes(float[] coordinates, int n, int dim)
    {
        for (int d = 0; d < dim; d++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                min = Math.Min(min, coordinates[i * dim + d]);
                max = Math.Max(max, coordinates[i * dim + d]);
            }

            float span = max - min;
            for (int i = 0; i < n; i++)
                coordinates[i * dim + d] = span > 0 ? 10f * (coordinates[i * dim + d] - min) / span : 5f;
        }
    }
}
