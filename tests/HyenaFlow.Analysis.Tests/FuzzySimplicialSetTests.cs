using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Graph;
using HyenaFlow.Analysis.Neighbors;
using HyenaFlow.Analysis.Tests.Support;

namespace HyenaFlow.Analysis.Tests;

public sealed class FuzzySimplicialSetTests
{
    private static KnnGraph Knn(int k) =>
        ExactNeighbors.Find(new PointSpace(DataMatrix.From(SyntheticData.Uniform(300, 4, seed: 5)), DistanceMetric.Euclidean), k, parallel: false);

    [Fact]
    public void Each_point_total_membership_is_log2_k()
    {
        var knn = Knn(15);
        var (sigmas, rhos) = FuzzySimplicialSet.SmoothKnnDistances(knn);
        var memberships = FuzzySimplicialSet.Memberships(knn, sigmas, rhos);

        for (int i = 0; i < knn.Count; i++)
        {
            double total = memberships.AsSpan(i * knn.K, knn.K).ToArray().Sum(w => (double)w);
            Assert.Equal(Math.Log2(15), total, 3);
            Assert.Equal(knn.DistancesOf(i)[1], rhos[i], 6);
        }
    }

    [Fact]
    public void The_union_is_symmetric_with_weights_in_0_1()
    {
        var graph = FuzzySimplicialSet.Build(Knn(10));
        var weights = new Dictionary<(int, int), float>();
        for (int i = 0; i < graph.Count; i++)
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
                weights[(i, graph.Columns[e])] = graph.Weights[e];

        foreach (var ((i, j), w) in weights)
        {
            Assert.InRange(w, 1e-9f, 1f);
            Assert.Equal(w, weights[(j, i)]);
            Assert.NotEqual(i, j);
        }
    }

    [Fact]
    public void Mutual_neighbours_combine_by_fuzzy_union()
    {
        // Three points on a line: 0–1 are mutual nearest neighbours with membership 1 each way.
        var data = new float[,] { { 0 }, { 1 }, { 5 } };
        var knn = ExactNeighbors.Find(new PointSpace(DataMatrix.From(data), DistanceMetric.Euclidean), 2, parallel: false);

        var graph = FuzzySimplicialSet.Build(knn);

        int edge = Array.IndexOf(graph.Columns, 1, graph.RowStarts[0], graph.RowStarts[1] - graph.RowStarts[0]);
        Assert.Equal(1f, graph.Weights[edge]); // 1 + 1 − 1·1
    }
}
