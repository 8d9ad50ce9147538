namespace HyenaFlow.Plots.Embedding;

/// <summary>What the UMAP grid over embedded point sets wrote and measured.</summary>
/// <param name="Images">Grid PNGs: by chromosome and by binned position, and (with a control set) by cancer type.</param>
/// <param name="CoordinatesPath">coordinates.tsv, one row per point per UMAP setting.</param>
/// <param name="ColouredBins">The position bins drawn in colour, fullest first.</param>
/// <param name="Quality">Trustworthiness of every setting of every set (null where the set has too few points for k).</param>
/// <param name="QualityPath">trustworthiness.tsv, or null when quality was not measured.</param>
public sealed record EmbeddingMapsResult(
    IReadOnlyList<string> Images,
    string CoordinatesPath,
    int Settings,
    IReadOnlyList<string> ColouredBins,
    IReadOnlyList<SettingQuality> Quality,
    string? QualityPath,
    TimeSpan UmapTime);

/// <summary>How well one UMAP setting kept a point set's neighbourhoods.</summary>
/// <param name="Set">"reference" or "mutated", as in coordinates.tsv.</param>
public sealed record SettingQuality(string Set, UmapSetting Setting, double? Trustworthiness);
