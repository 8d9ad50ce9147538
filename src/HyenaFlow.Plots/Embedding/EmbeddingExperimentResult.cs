namespace HyenaFlow.Plots.Embedding;

/// <summary>What the embedding experiment wrote and how long its parts took.</summary>
/// <param name="Images">Grid PNGs: by chromosome, by binned position and (with a dataset) by cancer type.</param>
/// <param name="CoordinatesPath">coordinates.tsv, one row per point per UMAP setting.</param>
/// <param name="ColouredBins">The position bins drawn in colour, fullest first.</param>
public sealed record EmbeddingExperimentResult(
    IReadOnlyList<string> Images,
    string CoordinatesPath,
    int ReferencePoints,
    int MutatedPoints,
    int Settings,
    IReadOnlyList<string> ColouredBins,
    TimeSpan EmbeddingTime,
    TimeSpan UmapTime)
{
    /// <summary>Trustworthiness of every setting (empty when not measured).</summary>
    public IReadOnlyList<SettingQuality> Quality { get; init; } = [];

    /// <summary>trustworthiness.tsv, or null when quality was not measured.</summary>
    public string? QualityPath { get; init; }
}
