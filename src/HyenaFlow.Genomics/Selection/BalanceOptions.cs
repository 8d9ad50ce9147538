namespace HyenaFlow.Genomics.Selection;

/// <summary>How many lines per class go to train and test (thesis: 70 and 20), and an optional cap on mutations per line.</summary>
public sealed record BalanceOptions
{
    public int TrainLines { get; init; } = 70;

    public int TestLines { get; init; } = 20;

    /// <summary>Use at most this many mutations per train/test line even when every line has more.</summary>
    public int? MaxMutationsPerLine { get; init; }
}
