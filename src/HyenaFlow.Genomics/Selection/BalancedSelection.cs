using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Selection;

/// <summary>
/// One cell line's place in the study. <see cref="Centres"/> are the mutations drawn for it (the same
/// number for every train/test line); each becomes the centre of one dataset window.
/// </summary>
public sealed record SelectedCellLine(string ModelId, string Lineage, int Label, Split Split, IReadOnlyList<Mutation> Centres);

/// <summary>The seeded, balanced split by cell line: equal classes, equal mutations per line.</summary>
public sealed record BalancedSelection(IReadOnlyList<string> Classes, int MutationsPerLine, int Seed, IReadOnlyList<SelectedCellLine> CellLines);
