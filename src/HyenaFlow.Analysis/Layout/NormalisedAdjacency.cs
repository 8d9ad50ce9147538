using HyenaFlow.Analysis.Graph;

namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// The operator x ↦ D^−½ W D^−½ x of a graph, restricted to the complement of its eigenvector √degree
/// (eigenvalue 1, the trivial one that spectral layouts skip).
/// </summary>
internal sealed class NormalisedAdjacency
{
    private readonly SparseGraph _graph;
    private readonly double[] _invSqrtDegree;

    private NormalisedAdjacency(SparseGraph graph, double[] invSqrtDegree, double[] trivial)
    {
        _graph = graph;
        _invSqrtDegree = invSqrtDegree;
        Trivial = trivial;
    }

    public int Count => _graph.Count;

    /// <summary>√degree normalised to unit length.</summary>
    public double[] Trivial { get; }

    public static NormalisedAdjacency? Create(SparseGraph graph, out string? problem)
    {
        problem = null;
        double[] degrees = graph.Degrees();
        var invSqrtDegree = new double[graph.Count];
        var trivial = new double[graph.Count];
        double total = 0;
        for (int i = 0; i < graph.Count; i++)
        {
            if (!(degrees[i] > 0))
            {
                problem = $"vertex {i} has no edges";
                return null;
            }

            invSqrtDegree[i] = 1 / Math.Sqrt(degrees[i]);
            trivial[i] = Math.Sqrt(degrees[i]);
            total += degrees[i];
        }

        KrylovEigenvectors.Scale(trivial, 1 / Math.Sqrt(total));
        return new NormalisedAdjacency(graph, invSqrtDegree, trivial);
    }

    public void Apply(double[] x, double[] y)
    {
        for (int i = 0; i < _graph.Count; i++)
        {
            double sum = 0;
            for (int e = _graph.RowStarts[i]; e < _graph.RowStarts[i + 1]; e++)
                sum += _graph.Weights[e] * _invSqrtDegree[_graph.Columns[e]] * x[_graph.Columns[e]];
            y[i] = sum * _invSqrtDegree[i];
        }

        KrylovEigenvectors.Axpy(-KrylovEigenvectors.Dot(y, Trivial), Trivial, y);
    }
}
