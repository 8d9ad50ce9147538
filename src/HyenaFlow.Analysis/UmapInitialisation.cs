namespace HyenaFlow.Analysis;

/// <summary>Where the layout optimisation starts from.</summary>
public enum UmapInitialisation
{
    /// <summary>Eigenvectors of the graph's normalised Laplacian, as umap-learn does; falls back to random when they cannot be computed.</summary>
    Spectral,

    /// <summary>Uniform in [−10, 10] per coordinate.</summary>
    Random,
}
