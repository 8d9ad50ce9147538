namespace HyenaFlow.Analysis.Tests;

public sealed class BadInputTests
{
    private static float[,] Data(int rows, int columns = 3)
    {
        var data = new float[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                data[i, j] = i * 0.37f + j * 1.1f + (i % 3);
        return data;
    }

    [Fact]
    public void NaN_names_its_row_and_column()
    {
        var data = Data(40);
        data[12, 2] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(data));

        Assert.Contains("NaN at row 12, column 2", error.Message);
    }

    [Fact]
    public void Infinity_names_its_row_and_column()
    {
        var data = new float[40][];
        for (int i = 0; i < data.Length; i++)
            data[i] = [i, 2 * i, 3 * i];
        data[7][0] = float.NegativeInfinity;

        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(data));

        Assert.Contains("-Infinity at row 7, column 0", error.Message);
    }

    [Fact]
    public void Fewer_points_than_n_neighbors_plus_one_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(Data(15), new UmapOptions { NeighborCount = 15 }));

        Assert.Contains("data has 15 points but n_neighbors is 15", error.Message);
        Assert.Contains("at least n_neighbors + 1 = 16 points", error.Message);
    }

    [Fact]
    public void N_neighbors_below_two_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(Data(40), new UmapOptions { NeighborCount = 1 }));

        Assert.Contains("n_neighbors is 1; UMAP needs at least 2", error.Message);
    }

    [Fact]
    public void Min_dist_above_spread_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(Data(40), new UmapOptions { MinDistance = 1.5f, Spread = 1f }));

        Assert.Contains("min_dist (1.5) is greater than spread (1)", error.Message);
    }

    [Fact]
    public void Empty_data_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(new float[0, 0]));
        var noRows = Assert.Throws<ArgumentException>(() => Umap.Fit(Array.Empty<float[]>()));
        var noValues = Assert.Throws<ArgumentException>(() => Umap.Fit(ReadOnlySpan<float>.Empty, 0, 5));

        Assert.Contains("data is empty (0 rows × 0 columns)", error.Message);
        Assert.Contains("data is empty", noRows.Message);
        Assert.Contains("data is empty", noValues.Message);
    }

    [Fact]
    public void Ragged_rows_are_refused()
    {
        var data = new float[40][];
        for (int i = 0; i < data.Length; i++)
            data[i] = new float[i == 9 ? 2 : 3];

        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(data));

        Assert.Contains("row 9 has 2 values but row 0 has 3", error.Message);
    }

    [Fact]
    public void Span_whose_length_does_not_match_the_shape_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(new float[10], 3, 3));

        Assert.Contains("10 values cannot be 3 rows × 3 columns", error.Message);
    }

    [Theory]
    [InlineData(-0.1f, 1f, "min_dist is -0.1")]
    [InlineData(0.1f, 0f, "spread is 0")]
    public void Other_invalid_curve_parameters_are_refused(float minDist, float spread, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Umap.Fit(Data(40), new UmapOptions { MinDistance = minDist, Spread = spread }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Quality_measures_refuse_mismatched_rows_and_large_k()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => EmbeddingQuality.Trustworthiness(Data(40), Data(39, 2)));
        var largeK = Assert.Throws<ArgumentException>(() => EmbeddingQuality.KnnPreservation(Data(40), Data(40, 2), k: 20));

        Assert.Contains("highDim has 40 rows but lowDim has 39", mismatch.Message);
        Assert.Contains("k is 20", largeK.Message);
    }
}
