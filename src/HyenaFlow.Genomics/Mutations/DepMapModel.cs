namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// One row of DepMap's Model.csv as the import needs it. <see cref="ClassName"/> is the configured
/// class the lineage matched (null for other lineages).
/// </summary>
public sealed record DepMapModel(string ModelId, string Name, string Lineage, bool NonCancerous, string? ClassName);
