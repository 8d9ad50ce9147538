namespace HyenaFlow.Plots.Embedding;

/// <summary>Points and their embedding vectors, row i of <see cref="Vectors"/> belonging to point i.</summary>
/// <param name="Noun">What the points are, as the figure titles name them, e.g. "reference windows".</param>
/// <param name="Length">Bases per sequence, for the titles and the default position-bin width.</param>
public sealed record EmbeddedPointSet(IReadOnlyList<EmbeddingPoint> Points, float[,] Vectors, string Noun, int Length)
{
    public int Count => Points.Count;

    /// <summary>Throws <see cref="ArgumentException"/> when the vectors do not describe the points one to one.</summary>
    public void Validate(string what)
    {
        if (Points.Count == 0) throw new ArgumentException($"The {what} set has no points.");
        if (Vectors.GetLength(0) != Points.Count)
        {
            throw new ArgumentException(
                $"The {what} set has {Vectors.GetLength(0):N0} embedding rows for {Points.Count:N0} points; each point needs exactly one row (were the embeddings made from another split or dataset?).");
        }

        if (Vectors.GetLength(1) == 0) throw new ArgumentException($"The {what} embeddings have no dimensions.");
        if (Length < 1) throw new ArgumentException($"The {what} sequences are {Length} bases long; at least 1 is needed.");
    }
}
