namespace HyenaFlow.Engine.Data;

/// <summary>Sequences held in memory (tests, small experiments); token rows are copied on construction.</summary>
public sealed class InMemorySequenceDataset : ISequenceDataset
{
    private readonly byte[][] tokens;
    private readonly long[] labels;
    private readonly string?[] cellLines;

    public InMemorySequenceDataset(IReadOnlyList<byte[]> tokens, IReadOnlyList<long> labels, int classCount, IReadOnlyList<string?>? cellLines = null)
    {
        if (tokens.Count == 0) throw new ArgumentException("A dataset needs at least one sequence.", nameof(tokens));
        if (labels.Count != tokens.Count) throw new ArgumentException($"{tokens.Count} sequences but {labels.Count} labels.", nameof(labels));
        if (cellLines is not null && cellLines.Count != tokens.Count) throw new ArgumentException($"{tokens.Count} sequences but {cellLines.Count} cell lines.", nameof(cellLines));
        TokensPerSequence = tokens[0].Length;
        if (tokens.Any(t => t.Length != TokensPerSequence)) throw new ArgumentException("All sequences must have the same number of tokens.", nameof(tokens));
        if (labels.Any(l => l < 0 || l >= classCount)) throw new ArgumentException($"Labels must lie in 0 … {classCount - 1}.", nameof(labels));
        this.tokens = tokens.Select(t => t.ToArray()).ToArray();
        this.labels = labels.ToArray();
        this.cellLines = cellLines?.ToArray() ?? new string?[tokens.Count];
        ClassCount = classCount;
    }

    public long Count => tokens.Length;

    public int TokensPerSequence { get; }

    public int ClassCount { get; }

    public void CopyTokens(long row, Span<long> destination)
    {
        var source = tokens[row];
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    public long Label(long row) => labels[row];

    public string? CellLine(long row) => cellLines[row];
}
