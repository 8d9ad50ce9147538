namespace HyenaFlow.Analysis.Tests;

public sealed class EmbeddingQualityTests
{
    // The same points as the scikit-learn-style reference computed with numpy (tests/…/EmbeddingQualityTests: see Reference()).
    private static (float[,] High, float[,] Low) Reference()
    {
        const int n = 60, d = 5;
        var high = new float[n, d];
        var low = new float[n, 2];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
                high[i, j] = (float)(Math.Sin(0.7 * i + 1.3 * j) + 0.1 * Math.Cos(i * j));
            low[i, 0] = (float)(Math.Sin(0.7 * i) + 0.05 * i / n);
            low[i, 1] = (float)Math.Cos(1.1 * i);
        }

        return (high, low);
    }

    [Theory]
    [InlineData(5, 0.6690384615384615, 0.2)]
    [InlineData(10, 0.7161797752808989, 0.36)]
    public void Matches_the_scikit_learn_definition(int k, double trustworthiness, double preservation)
    {
        // Expected values from sklearn.manifold.trustworthiness's algorithm, re-run in numpy on these points.
        var (high, low) = Reference();

        Assert.Equal(trustworthiness, EmbeddingQuality.Trustworthiness(high, low, k), 9);
        Assert.Equal(preservation, EmbeddingQuality.KnnPreservation(high, low, k), 9);
    }

    [Fact]
    public void An_embedding_that_is_the_data_itself_is_perfect()
    {
        var (high, _) = Reference();

        Assert.Equal(1.0, EmbeddingQuality.Trustworthiness(high, high, 10), 12);
        Assert.Equal(1.0, EmbeddingQuality.KnnPreservation(high, high, 10), 12);
    }

    [Fact]
    public void Serial_and_parallel_agree()
    {
        var (high, low) = Reference();

        Assert.Equal(
            EmbeddingQuality.Trustworthiness(high, low, 7, parallel: false),
            EmbeddingQuality.Trustworthiness(high, low, 7, parallel: true));
    }
}
