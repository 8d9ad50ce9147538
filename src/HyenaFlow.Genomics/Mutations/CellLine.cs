namespace HyenaFlow.Genomics.Mutations;

/// <summary>A DepMap model kept after cleaning, with its lineage (class) and its number of cleaned mutations.</summary>
public sealed record CellLine(string ModelId, string Name, string Lineage, int MutationCount);
