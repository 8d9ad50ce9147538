using HyenaFlow.Plots.Embedding;

namespace HyenaFlow.Plots.Tests;

public sealed class UmapGridTests
{
    [Fact]
    public void TheThesisGridHasThirtySixSettingsRowByRow()
    {
        var settings = UmapGrid.Thesis.Settings;
        Assert.Equal(36, settings.Count);
        Assert.Equal(new UmapSetting(5, 0f), settings[0]);
        Assert.Equal(new UmapSetting(5, 0.1f), settings[1]);
        Assert.Equal(new UmapSetting(200, 0.99f), settings[^1]);
        Assert.Equal("(n_neighbors, min_dist) = (200, 0.99)", settings[^1].Title);
        Assert.Equal("(n_neighbors, min_dist) = (5, 0.0)", settings[0].Title);
    }

    [Fact]
    public void NaNInTheDataIsRejectedByUmap()
    {
        var data = new float[12, 3];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 3; j++) data[i, j] = i * 3 + j;
        data[4, 1] = float.NaN;
        Assert.Throws<ArgumentException>(() => new UmapGrid([5], [0.1f]).Run(data, 10, 1, parallel: false));
    }

    [Theory]
    [InlineData(new[] { 1 }, new[] { 0.1f }, "below 2")]
    [InlineData(new[] { 5 }, new[] { 1.5f }, "outside 0 … 1")]
    [InlineData(new int[0], new[] { 0.1f }, "at least one")]
    [InlineData(new[] { 5, 50 }, new[] { 0.1f }, "largest n_neighbors is 50")]
    public void BadGridsAreNamed(int[] neighbors, float[] minDists, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new UmapGrid(neighbors, minDists).Validate(20, "the test set"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ParallelAndSequentialRunsAgree()
    {
        var random = new Random(5);
        var data = new float[40, 4];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 4; j++) data[i, j] = (float)random.NextDouble() + (i < 20 ? 0 : 5);
        var grid = new UmapGrid([5, 8], [0.0f, 0.3f]);

        var sequential = grid.Run(data, 20, 9, parallel: false);
        var parallel = grid.Run(data, 20, 9, parallel: true);

        Assert.Equal(4, sequential.Count);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(sequential[i].Setting, parallel[i].Setting);
            Assert.Equal(sequential[i].Coordinates.Cast<float>(), parallel[i].Coordinates.Cast<float>());
        }
    }
}
