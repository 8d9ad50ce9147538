namespace HyenaFlow.Plots.Embedding;

/// <summary>Where an embedded sequence came from.</summary>
/// <param name="Id">Row of the point in its point set (0-based).</param>
/// <param name="Chromosome">Chromosome of the window.</param>
/// <param name="Start">0-based start of the window on the reference.</param>
/// <param name="CancerType">The cell line's class for a mutated sequence; null for a reference window.</param>
/// <param name="CellLine">The cell line of a mutated sequence; null for a reference window.</param>
public sealed record EmbeddingPoint(int Id, string Chromosome, long Start, string? CancerType = null, string? CellLine = null);
