namespace HyenaFlow.Engine.Data;

/// <summary>
/// Labelled token sequences of equal length, addressed by row 0 … Count−1: what fine-tuning,
/// evaluation and embedding read. Implementations keep memory bounded (rows are read on demand).
/// </summary>
public interface ISequenceDataset
{
    long Count { get; }

    /// <summary>Token ids per row, special tokens included (L + 2 for HyenaFlow datasets).</summary>
    int TokensPerSequence { get; }

    /// <summary>Number of classes the labels range over (labels are 0 … ClassCount−1).</summary>
    int ClassCount { get; }

    /// <summary>Writes the token ids of <paramref name="row"/> into <paramref name="destination"/> (length <see cref="TokensPerSequence"/>).</summary>
    void CopyTokens(long row, Span<long> destination);

    long Label(long row);

    /// <summary>The cell line a row came from, or null when the dataset does not record it.</summary>
    string? CellLine(long row);
}
