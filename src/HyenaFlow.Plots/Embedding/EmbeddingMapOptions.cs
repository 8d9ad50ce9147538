namespace HyenaFlow.Plots.Embedding;

/// <summary>How the UMAP grid of embedded point sets is fitted and drawn; the defaults follow the thesis.</summary>
public sealed record EmbeddingMapOptions
{
    public UmapGrid Grid { get; init; } = UmapGrid.Thesis;

    /// <summary>UMAP layout epochs per setting; null uses umap-learn's default (500 up to 10,000 points).</summary>
    public int? Epochs { get; init; }

    /// <summary>Seeds every UMAP fit.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Run the settings side by side (each fit stays single-threaded and seeded, so the result does not change).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Width of the position bins in bases; null uses the sequence length.</summary>
    public long? BinWidth { get; init; }

    /// <summary>How many of the fullest position bins get a colour; the rest are background.</summary>
    public int ColouredBins { get; init; } = 5;

    /// <summary>The model that made the embeddings, as the figure titles name it.</summary>
    public string ModelName { get; init; } = "HyenaDNA";

    /// <summary>Measure the trustworthiness of every setting (exact, O(n²·d) per setting).</summary>
    public bool MeasureQuality { get; init; } = true;

    /// <summary>k of the trustworthiness measured per setting (scikit-learn's default 5 … umap's papers 10).</summary>
    public int QualityNeighbors { get; init; } = 10;

    public int ImageWidth { get; init; } = 2_400;

    public int ImageHeight { get; init; } = 2_500;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Epochs is < 1) throw new ArgumentException($"{Epochs} UMAP epochs; at least 1 is needed (or leave it unset for the default).");
        if (BinWidth is < 1) throw new ArgumentException($"The position bin width is {BinWidth}; it must be at least 1 base.");
        if (ColouredBins < 1) throw new ArgumentException($"{ColouredBins} coloured bins; at least 1 is needed.");
        if (QualityNeighbors < 1) throw new ArgumentException($"Trustworthiness needs k ≥ 1, got {QualityNeighbors}.");
        if (ImageWidth < 1 || ImageHeight < 1) throw new ArgumentException($"Grid images of {ImageWidth} × {ImageHeight} pixels; both sides must be at least 1.");
        if (string.IsNullOrWhiteSpace(ModelName)) throw new ArgumentException("The model name for the figure titles is empty.");
    }
}
