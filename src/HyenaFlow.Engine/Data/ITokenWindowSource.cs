namespace HyenaFlow.Engine.Data;

/// <summary>
/// Token windows for next-token pre-training (random windows of the cleaned reference genome).
/// A fill depends only on its arguments, so a run resumed from a checkpoint draws the same windows.
/// </summary>
public interface ITokenWindowSource
{
    /// <summary>
    /// Fills <paramref name="destination"/> (batchSize × windowLength, row-major) with
    /// <paramref name="batchSize"/> windows of <paramref name="windowLength"/> token ids drawn with <paramref name="seed"/>.
    /// </summary>
    void Fill(Span<long> destination, int batchSize, int windowLength, long seed);
}
