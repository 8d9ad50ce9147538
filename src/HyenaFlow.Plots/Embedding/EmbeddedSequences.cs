namespace HyenaFlow.Plots.Embedding;

/// <summary>Token rows ([CLS] … [SEP], L + 2 each) and where each came from, row i describing point i.</summary>
public sealed record EmbeddedSequences(IReadOnlyList<EmbeddingPoint> Points, IReadOnlyList<byte[]> Tokens)
{
    public int Count => Points.Count;
}
