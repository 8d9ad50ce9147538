using System.Globalization;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Plots.Rendering;
using HyenaFlow.Plots.Tests.Support;

namespace HyenaFlow.Plots.Tests;

/// <summary>The embedding experiment end to end on a tiny genome with a tiny random model.</summary>
public sealed class EmbeddingExperimentTests
{
    private static readonly UmapGrid SmallGrid = new([5, 10], [0.0f, 0.5f]);

    [Fact]
    public void SmallGridWritesTwoGridImagesAndTheCoordinates()
    {
        using var dir = new TempDirectory("plots-umap");
        using var genome = TinyInputs.Genome();
        using var model = TinyInputs.Model();
        var options = new EmbeddingExperimentOptions
        {
            Length = 64, PerChromosome = 12, Grid = SmallGrid, Epochs = 30, Seed = 3, BinWidth = 1_000,
            ImageWidth = 900, ImageHeight = 800, BatchSize = 12,
        };

        EmbeddingExperimentResult result = EmbeddingExperiment.Run(genome, model, dir.Path, options);

        Assert.Equal(36, result.ReferencePoints);
        Assert.Equal(0, result.MutatedPoints);
        Assert.Equal(4, result.Settings);
        Assert.Equal([dir.File(EmbeddingExperiment.ChromosomeImage), dir.File(EmbeddingExperiment.PositionImage)], result.Images);
        foreach (string image in result.Images) PngImage.AssertValid(image, 900, 800);
        Assert.True(PngImage.InkInRows(result.Images[0], 0, 45) > 200, "the figure title is missing");

        // One header plus one row per point per setting, every label filled in.
        string[] lines = File.ReadAllLines(result.CoordinatesPath);
        Assert.Equal(string.Join('\t', CoordinatesTable.Columns), lines[0]);
        Assert.Equal(1 + 36 * 4, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(CoordinatesTable.Columns.Count, r.Length));
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[4]).Distinct().Order());
        Assert.Equal(["10", "5"], rows.Select(r => r[1]).Distinct().Order());
        Assert.All(rows, r => Assert.True(float.IsFinite(float.Parse(r[9], CultureInfo.InvariantCulture)) && float.IsFinite(float.Parse(r[10], CultureInfo.InvariantCulture))));
        Assert.All(rows, r => Assert.Equal($"{r[4]}_{long.Parse(r[5], CultureInfo.InvariantCulture) / 1_000}", r[6]));
    }

    [Fact]
    public void TheSameSeedGivesTheSameCoordinates()
    {
        using var dir = new TempDirectory("plots-seed");
        using var genome = TinyInputs.Genome();
        using var model = TinyInputs.Model();
        var options = new EmbeddingExperimentOptions
        {
            Length = 32, PerChromosome = 8, Grid = new UmapGrid([5], [0.1f]), Epochs = 20, ImageWidth = 400, ImageHeight = 400,
        };

        EmbeddingExperiment.Run(genome, model, dir.File("a"), options);
        EmbeddingExperiment.Run(genome, model, dir.File("b"), options);

        Assert.Equal(File.ReadAllText(dir.File("a/coordinates.tsv")), File.ReadAllText(dir.File("b/coordinates.tsv")));
    }

    [Fact]
    public void FewerPointsThanTheLargestNeighbourCountFailsBeforeAnyWork()
    {
        using var dir = new TempDirectory("plots-few");
        using var genome = TinyInputs.Genome();
        using var model = TinyInputs.Model();

        var error = Assert.Throws<ArgumentException>(() =>
            EmbeddingExperiment.Run(genome, model, dir.Path, new EmbeddingExperimentOptions { Length = 32, PerChromosome = 10 }));

        Assert.Contains("30 points", error.Message);
        Assert.Contains("largest n_neighbors is 200", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void WindowsLongerThanTheModelContextAreRefused()
    {
        using var dir = new TempDirectory("plots-long");
        using var genome = TinyInputs.Genome();
        using var model = TinyInputs.Model();

        var error = Assert.Throws<ArgumentException>(() =>
            EmbeddingExperiment.Run(genome, model, dir.Path, new EmbeddingExperimentOptions { Length = 2_000, PerChromosome = 10, Grid = SmallGrid }));

        Assert.Contains("tiny-1k", error.Message);
    }

    [Fact]
    public void NonFiniteEmbeddingsNameThePoint()
    {
        var vectors = new float[3, 2] { { 0, 1 }, { 2, float.NaN }, { 4, 5 } };
        EmbeddingPoint[] points = [new(0, "1", 10), new(1, "2", 99), new(2, "3", 5)];

        var error = Assert.Throws<InvalidDataException>(() => EmbeddingExperiment.RequireFinite(vectors, points, "reference"));

        Assert.Contains("point 1 (2:100)", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void UnknownChromosomeIsNamed()
    {
        using var genome = TinyInputs.Genome();
        var error = Assert.Throws<ArgumentException>(() => ReferenceWindows.Sample(genome, ["1", "chrZ"], 32, 2, 1));
        Assert.Contains("'chrZ'", error.Message);
    }
}
