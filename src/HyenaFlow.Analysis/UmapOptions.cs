namespace HyenaFlow.Analysis;

/// <summary>
/// UMAP's parameters, named and defaulted as in umap-learn. Everything not listed here is fixed at
/// umap-learn's default: local_connectivity 1, bandwidth 1, set_op_mix_ratio 1, learning rate 1,
/// repulsion strength 1, negative_sample_rate 5.
/// </summary>
public sealed record UmapOptions
{
    /// <summary>Size of the local neighbourhood, the point itself included (umap-learn's n_neighbors).</summary>
    public int NeighborCount { get; init; } = 15;

    /// <summary>How tightly points may be packed in the embedding (umap-learn's min_dist).</summary>
    public float MinDistance { get; init; } = 0.1f;

    /// <summary>The scale of embedded distances; with <see cref="MinDistance"/> it fixes the a/b curve.</summary>
    public float Spread { get; init; } = 1f;

    /// <summary>Layout epochs; null picks umap-learn's default (500 up to 10,000 points, otherwise 200).</summary>
    public int? Epochs { get; init; }

    public DistanceMetric Metric { get; init; } = DistanceMetric.Euclidean;

    public int Seed { get; init; } = 42;

    /// <summary>Dimensions of the embedding.</summary>
    public int Components { get; init; } = 2;

    /// <summary>
    /// Use all cores. The neighbour search and the graph stay bit-identical either way; the layout then
    /// runs Hogwild-style (threads update shared coordinates without locks, as umap-learn's parallel
    /// mode does), so its result varies slightly from run to run. False gives bit-identical output for a seed.
    /// </summary>
    public bool Parallel { get; init; }

    public UmapInitialisation Initialisation { get; init; } = UmapInitialisation.Spectral;

    /// <summary>Up to this many points the neighbours are found exactly; above it by nearest-neighbour descent.</summary>
    public int ExactNeighborsLimit { get; init; } = 5_000;

    internal const int NegativeSampleRate = 5;
    internal const float InitialLearningRate = 1f;

    /// <summary>umap-learn's default number of epochs for a data set of this size.</summary>
    public static int DefaultEpochs(int pointCount) => pointCount <= 10_000 ? 500 : 200;

    internal int ResolveEpochs(int pointCount) => Epochs ?? DefaultEpochs(pointCount);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter that UMAP cannot work with.</summary>
    public void Validate()
    {
        if (NeighborCount < 2)
            throw new ArgumentException($"n_neighbors is {NeighborCount}; UMAP needs at least 2 (the point itself and one neighbour).", nameof(NeighborCount));
        if (!float.IsFinite(MinDistance) || MinDistance < 0)
            throw new ArgumentException($"min_dist is {MinDistance}; it must be a finite value ≥ 0.", nameof(MinDistance));
        if (!float.IsFinite(Spread) || Spread <= 0)
            throw new ArgumentException($"spread is {Spread}; it must be a finite value > 0.", nameof(Spread));
        if (MinDistance > Spread)
            throw new ArgumentException($"min_dist ({MinDistance}) is greater than spread ({Spread}); min_dist must not exceed spread.", nameof(MinDistance));
        if (Epochs is < 1)
            throw new ArgumentException($"n_epochs is {Epochs}; it must be at least 1 (or left unset for the default).", nameof(Epochs));
        if (Components < 1)
            throw new ArgumentException($"n_components is {Components}; the embedding needs at least 1 dimension.", nameof(Components));
        if (ExactNeighborsLimit < 0)
            throw new ArgumentException($"ExactNeighborsLimit is {ExactNeighborsLimit}; it must be ≥ 0.", nameof(ExactNeighborsLimit));
    }
}
