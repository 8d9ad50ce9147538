using HyenaFlow.Analysis.Tests.Support;

namespace HyenaFlow.Analysis.Tests;

public sealed class UmapTests
{
    [Fact]
    public void Well_separated_clusters_stay_separated()
    {
        var (data, labels) = SyntheticData.GaussianClusters(clusters: 4, perCluster: 150, dims: 20, separation: 30, seed: 1);

        var result = Umap.Fit(data, new UmapOptions { Epochs = 200 });

        Assert.Equal(new[] { 600, 2 }, new[] { result.Embedding.GetLength(0), result.Embedding.GetLength(1) });
        double purity = EmbeddingStats.KnnLabelPurity(result.Embedding, labels, 10);
        double separation = EmbeddingStats.SeparationRatio(result.Embedding, labels);
        Assert.True(purity >= 0.95, $"kNN label purity {purity:F3}");
        Assert.True(separation > 2, $"closest centroids are only {separation:F2} cluster radii apart ({result.Initialisation})");
    }

    [Fact]
    public void A_circle_in_50_dimensions_is_embedded_trustworthily()
    {
        var data = SyntheticData.CircleIn(count: 600, dims: 50, noise: 0.05f, seed: 2);

        var result = Umap.Fit(data, new UmapOptions { Epochs = 200 });

        Assert.Equal("spectral", result.Initialisation);
        double trust = EmbeddingQuality.Trustworthiness(data, result.Embedding, 10);
        Assert.True(trust >= 0.9, $"trustworthiness {trust:F3}");
    }

    [Fact]
    public void A_swiss_roll_is_embedded_trustworthily()
    {
        var data = SyntheticData.SwissRoll(count: 1000, noise: 0.05f, seed: 3);

        var result = Umap.Fit(data, new UmapOptions { Epochs = 200 });

        double trust = EmbeddingQuality.Trustworthiness(data, result.Embedding, 10);
        double kept = EmbeddingQuality.KnnPreservation(data, result.Embedding, 10);
        Assert.True(trust >= 0.9, $"trustworthiness {trust:F3}");
        Assert.True(kept >= 0.5, $"kNN preservation {kept:F3}");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_embeddings()
    {
        var (data, _) = SyntheticData.GaussianClusters(3, 60, 10, 20, seed: 4);
        var options = new UmapOptions { Seed = 7, Epochs = 100 };

        var first = Umap.Fit(data, options).Embedding;
        var second = Umap.Fit(data, options).Embedding;
        var other = Umap.Fit(data, options with { Seed = 8 }).Embedding;

        Assert.Equal(first.Cast<float>(), second.Cast<float>());
        Assert.NotEqual(first.Cast<float>(), other.Cast<float>());
    }

    [Fact]
    public void Nn_descent_path_parallel_mode_and_cosine_metric_give_a_sound_embedding()
    {
        var (data, labels) = SyntheticData.GaussianClusters(3, 200, 16, 30, seed: 5);
        var options = new UmapOptions { ExactNeighborsLimit = 100, Parallel = true, Metric = DistanceMetric.Cosine, Epochs = 150, Components = 3 };

        var result = Umap.Fit(data, options);

        Assert.StartsWith("nn-descent", result.NeighborSearch);
        Assert.Equal(3, result.Embedding.GetLength(1));
        Assert.True(EmbeddingStats.KnnLabelPurity(result.Embedding, labels, 10) >= 0.95);
    }

    [Fact]
    public void Reports_every_stage_in_order_and_the_defaults_used()
    {
        var (data, _) = SyntheticData.GaussianClusters(2, 40, 5, 20, seed: 6);
        var stages = new List<string>();
        var progress = new Recorder(p => stages.Add(p.Stage));

        var result = Umap.Fit(data, progress: progress);

        Assert.Equal(["neighbors", "fuzzy set", "initialisation", "layout"], stages.Distinct());
        Assert.Equal(500, result.Epochs);
        Assert.Equal("exact", result.NeighborSearch);
        Assert.Equal(1.577f, result.A, 2);
        Assert.True(result.Timings.Total >= result.Timings.Layout);
    }

    [Fact]
    public void Random_initialisation_can_be_requested()
    {
        var (data, _) = SyntheticData.GaussianClusters(2, 40, 5, 20, seed: 6);

        var result = Umap.Fit(data, new UmapOptions { Initialisation = UmapInitialisation.Random, Epochs = 20 });

        Assert.Equal("random (requested)", result.Initialisation);
    }

    private sealed class Recorder(Action<UmapProgress> onReport) : IProgress<UmapProgress>
    {
        public void Report(UmapProgress value) => onReport(value);
    }
}
