using HyenaFlow.Analysis.Graph;

namespace HyenaFlow.Analysis.Layout;

/// <summary>
/// The operator x ↦ D^−½ W D^−½ x of a graph, restricted to the complement of its eigenvector √degree
/// (eigenvalue 1, the trivial one that spectral layouts skip).
/// </summary>
internal sealed class NormalisedAdjacency
{
    private readonly SparseGraph _graph;
    private readonly double[] _normalisedWeights;
    private readonly bool _parallel;

    private NormalisedAdjacency(SparseGraph graph, double[] normalisedWeights, double[] trivial, bool parallel)
    {
        _graph = graph;
        _normalisedWeights = normalisedWeights;
        Trivial = trivial;
        _parallel = parallel;
    }

    public int Count => _graph.Count;

    /// <summary>√degree normalised to unit length.</summary>
    public double[] Trivial { get; }

    public static NormalisedAdjacency? Create(SparseGraph graph, bool parallel, out string? problem)
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
        var normalised = new double[graph.EdgeCount];
        for (int i = 0; i < graph.Count; i++)
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
                normalised[e] = graph.Weights[e] * invSqrtDegree[i] * invSqrtDegree[graph.Columns[e]];
        return new NormalisedAdjacency(graph, normalised, trivial, parallel);
    }

    /// <summary>y = M x with the trivial direction removed. Rows are independent, so the parallel product is exact too.</summary>
    public void Apply(double[] x, double[] y)
    {
        void Rows(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                double sum = 0;
                for (int e = _graph.RowStarts[i]; e < _graph.RowStarts[i + 1]; e++)
                    sum += _normalisedWeights[e] * x[_graph.Columns[e]];
                y[i] = sum;
            }
        }

        const int chunk = 4096;
        if (_parallel && _graph.Count > chunk)
            Parallel.For(0, (_graph.Count + chunk - 1) / chunk, c => Rows(c * chunk, Math.Min(_graph.Count, (c + 1) * chunk)));
        else
            Rows(0, _graph.Count);
        KrylovEigenvectors.Axpy(-KrylovEigenvectors.Dot(y, Trivial), Trivial, y);
    }
}
