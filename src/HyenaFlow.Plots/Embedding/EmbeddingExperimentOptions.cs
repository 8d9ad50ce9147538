namespace HyenaFlow.Plots.Embedding;

/// <summary>Settings of the embedding experiment (thesis 3.2.1 / 4.1); defaults follow the thesis where it states them.</summary>
public sealed record EmbeddingExperimentOptions
{
    /// <summary>L: bases per reference window.</summary>
    public int Length { get; init; } = 1_024;

    /// <summary>Reference windows per chromosome (the thesis: 3,960 sequences from three chromosomes).</summary>
    public int PerChromosome { get; init; } = 1_320;

    /// <summary>Chromosomes to sample; null takes the first <see cref="ChromosomeCount"/> of the genome.</summary>
    public IReadOnlyList<string>? Chromosomes { get; init; }

    public int ChromosomeCount { get; init; } = 3;

    /// <summary>A dataset whose embedding split supplies the mutated sequences of the cancer-type control; null skips the control.</summary>
    public string? Dataset { get; init; }

    /// <summary>At most this many mutated sequences (null: the whole embedding split).</summary>
    public int? MaxMutated { get; init; }

    public UmapGrid Grid { get; init; } = UmapGrid.Thesis;

    /// <summary>UMAP layout epochs per setting; null uses umap-learn's default (500 up to 10,000 points).</summary>
    public int? Epochs { get; init; }

    /// <summary>Seeds the window positions and every UMAP fit.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Width of the position bins in bases; null uses the window length L.</summary>
    public long? BinWidth { get; init; }

    /// <summary>How many of the fullest position bins get a colour; the rest are background.</summary>
    public int ColouredBins { get; init; } = 5;

    /// <summary>Windows with a larger share of N are drawn again.</summary>
    public double MaxUnknownFraction { get; init; } = 0.5;

    public int BatchSize { get; init; } = 8;

    /// <summary>Run the UMAP settings side by side (each fit stays single-threaded and seeded).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Size of each grid image in pixels.</summary>
    public int ImageWidth { get; init; } = 2_400;

    public int ImageHeight { get; init; } = 2_500;

    /// <summary>Measure the trustworthiness of every UMAP setting.</summary>
    public bool MeasureQuality { get; init; } = true;

    public long ResolvedBinWidth => BinWidth ?? Length;

    /// <summary>The settings of the UMAP half of the experiment, shared with the umap stage.</summary>
    public EmbeddingMapOptions MapOptions(string modelName) => new()
    {
        Grid = Grid, Epochs = Epochs, Seed = Seed, Parallel = Parallel, BinWidth = ResolvedBinWidth, ColouredBins = ColouredBins,
        ModelName = modelName, MeasureQuality = MeasureQuality, ImageWidth = ImageWidth, ImageHeight = ImageHeight,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Length < 1) throw new ArgumentException($"The window length is {Length}; it must be at least 1 base.");
        if (PerChromosome < 1) throw new ArgumentException($"{PerChromosome} windows per chromosome; at least 1 is needed.");
        if (Chromosomes is { Count: 0 } || (Chromosomes is null && ChromosomeCount < 1)) throw new ArgumentException("No chromosome to sample windows from.");
        if (MaxMutated is < 1) throw new ArgumentException($"MaxMutated is {MaxMutated}; keep at least one mutated sequence or leave it unset.");
        if (Epochs is < 1) throw new ArgumentException($"{Epochs} UMAP epochs; at least 1 is needed (or leave it unset for the default).");
        if (BinWidth is < 1) throw new ArgumentException($"The position bin width is {BinWidth}; it must be at least 1 base.");
        if (ColouredBins < 1) throw new ArgumentException($"{ColouredBins} coloured bins; at least 1 is needed.");
        if (BatchSize < 1) throw new ArgumentException($"The batch size is {BatchSize}; it must be at least 1.");
        if (MaxUnknownFraction is < 0 or > 1) throw new ArgumentException($"MaxUnknownFraction is {MaxUnknownFraction}; it must lie in 0 … 1.");
    }
}
