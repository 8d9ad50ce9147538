using HyenaFlow.Analysis.Data;
using HyenaFlow.Analysis.Neighbors;
using HyenaFlow.Analysis.Tests.Support;

namespace HyenaFlow.Analysis.Tests;

public sealed class NeighborTests
{
    private static PointSpace Space(float[,] data, DistanceMetric metric = DistanceMetric.Euclidean) =>
        new(DataMatrix.From(data), metric);

    private static double Recall(KnnGraph approximate, KnnGraph exact)
    {
        long found = 0;
        for (int i = 0; i < exact.Count; i++)
        {
            var truth = exact.IndicesOf(i).ToArray();
            foreach (int j in approximate.IndicesOf(i))
                found += Array.IndexOf(truth, j) >= 0 ? 1 : 0;
        }

        return found / (double)exact.Indices.Length;
    }

    [Theory]
    [InlineData(DistanceMetric.Euclidean)]
    [InlineData(DistanceMetric.Cosine)]
    public void Nn_descent_recalls_at_least_90_percent_of_the_exact_neighbours(DistanceMetric metric)
    {
        var space = Space(SyntheticData.Uniform(1500, 12, seed: 3), metric);

        var exact = ExactNeighbors.Find(space, 15, parallel: false);
        var approximate = NearestNeighborDescent.Find(space, 15, seed: 1, parallel: false);

        double recall = Recall(approximate, exact);
        Assert.True(recall >= 0.9, $"recall {recall:F3}");
    }

    [Fact]
    public void Nn_descent_is_identical_with_and_without_parallelism()
    {
        var space = Space(SyntheticData.Uniform(1200, 8, seed: 4));

        var serial = NearestNeighborDescent.Find(space, 10, seed: 9, parallel: false);
        var parallel = NearestNeighborDescent.Find(space, 10, seed: 9, parallel: true);

        Assert.Equal(serial.Indices, parallel.Indices);
        Assert.Equal(serial.Distances, parallel.Distances);
    }

    [Fact]
    public void Exact_search_lists_the_point_itself_first_then_true_distances_ascending()
    {
        var data = new float[,] { { 0, 0 }, { 3, 4 }, { 1, 0 }, { 0, 2 } };

        var knn = ExactNeighbors.Find(Space(data), 3, parallel: false);

        Assert.Equal([0, 2, 3], knn.IndicesOf(0).ToArray());
        Assert.Equal([0f, 1f, 2f], knn.DistancesOf(0).ToArray());
        Assert.Equal(1, knn.IndicesOf(1)[0]);
    }

    [Fact]
    public void Cosine_distance_ignores_scale()
    {
        var data = new float[,] { { 1, 0 }, { 10, 0.5f }, { 0, 1 }, { -1, 0 } };

        var knn = ExactNeighbors.Find(Space(data, DistanceMetric.Cosine), 4, parallel: false);

        Assert.Equal([0, 1, 2, 3], knn.IndicesOf(0).ToArray());
        Assert.Equal(1f, knn.DistancesOf(0)[2], 5);
        Assert.Equal(2f, knn.DistancesOf(0)[3], 5);
    }
}
