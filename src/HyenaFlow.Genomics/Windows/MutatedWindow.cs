using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Windows;

/// <summary>
/// One output of Algorithm 1: <see cref="Sequence"/> holds exactly L upper-case ASCII bases of the
/// cell line's mutated genome around its selected mutation.
/// </summary>
/// <param name="Start">First reference base of the window after growth (1-based).</param>
/// <param name="End">Last reference base of the window after growth (1-based, inclusive).</param>
/// <param name="Offset">0-based index in <see cref="Sequence"/> of the selected mutation's first base (its Pos / anchor base).</param>
/// <param name="Applied">Mutations applied to [Start, End], in position order (the selected one included).</param>
/// <param name="SkippedOverlaps">Mutations in [Start, End] left out because they overlap a kept one.</param>
public sealed record MutatedWindow(
    string Chrom,
    long Start,
    long End,
    int Offset,
    IReadOnlyList<Mutation> Applied,
    int SkippedOverlaps,
    byte[] Sequence);
