using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Plots.Rendering;
using HyenaFlow.Plots.Tests.Support;

namespace HyenaFlow.Plots.Tests;

public sealed class PointLabellingTests
{
    // Bin sizes 6, 5, 4, 4, 3, 2, 1 (bin width 100): the five fullest are coloured, ties by chromosome then bin.
    private static readonly EmbeddingPoint[] Points = MakePoints(("1", 0, 6), ("1", 3, 5), ("2", 7, 4), ("1", 9, 4), ("3", 2, 3), ("2", 1, 2), ("3", 8, 1));

    [Fact]
    public void BinnedPositionColoursExactlyTheFiveFullestBins()
    {
        var labelling = PointLabelling.ByBinnedPosition(Points, 100, 5, "bins");

        Assert.Equal(["1_0", "1_3", "1_9", "2_7", "3_2"], labelling.Coloured);
        Assert.Equal(Points.Length, labelling.Labels.Count);
        Assert.Equal(3, labelling.Labels.Count(l => !labelling.IsColoured(l)));
        Assert.Equal(6, labelling.Legend.Count);
        Assert.Equal(FigureColours.Background, labelling.Legend[^1].Color);
        Assert.Equal("other bins", labelling.Legend[^1].Label);
    }

    [Fact]
    public void TheBinGridShowsFiveColoursAndGreyButNoSixthColour()
    {
        using var dir = new TempDirectory("plots-bins");
        var random = new Random(2);
        var coordinates = new float[Points.Length, 2];
        for (int i = 0; i < Points.Length; i++)
        {
            coordinates[i, 0] = (float)random.NextDouble() * 10;
            coordinates[i, 1] = (float)random.NextDouble() * 10;
        }

        var cells = new[] { new UmapGridCell(new UmapSetting(5, 0.1f), coordinates), new UmapGridCell(new UmapSetting(10, 0.5f), coordinates) };
        string path = dir.File("bins.png");
        ScatterGridFigure.Write(cells, 2, PointLabelling.ByBinnedPosition(Points, 100, 5, "binned"), 800, 500, path);

        PngImage.AssertValid(path, 800, 500);
        for (int c = 0; c < 5; c++) Assert.True(PngImage.Count(path, FigureColours.Category(c)) > 10, $"colour {c} is missing");
        Assert.True(PngImage.Count(path, FigureColours.Background) > 10, "the grey background points are missing");
        Assert.Equal(0, PngImage.Count(path, FigureColours.Category(5)));
    }

    [Fact]
    public void ChromosomeAndCancerTypeLabellings()
    {
        var chromosome = PointLabelling.ByChromosome(Points, "t");
        Assert.Equal(["1", "2", "3"], chromosome.Coloured);
        Assert.Equal(3, chromosome.Legend.Count);

        EmbeddingPoint[] mutated = [new(0, "1", 5, "Lymphoid", "ACH-1"), new(1, "2", 9, "Lung", "ACH-2"), new(2, "2", 9, "Lung", "ACH-3")];
        var cancer = PointLabelling.ByCancerType(mutated, "t");
        Assert.Equal(["Lung", "Lymphoid"], cancer.Coloured);
        Assert.Equal(2, cancer.Legend.Count);
    }

    [Fact]
    public void MismatchedCoordinatesAreRefused()
    {
        var cells = new[] { new UmapGridCell(new UmapSetting(5, 0.1f), new float[3, 2]) };
        var error = Assert.Throws<ArgumentException>(() =>
            ScatterGridFigure.Write(cells, 1, PointLabelling.ByChromosome(Points, "t"), 400, 400, Path.Combine(Path.GetTempPath(), "never.png")));
        Assert.Contains($"expected {Points.Length} × 2", error.Message);
    }

    private static EmbeddingPoint[] MakePoints(params (string Chromosome, int Bin, int Count)[] bins)
    {
        var points = new List<EmbeddingPoint>();
        foreach (var (chromosome, bin, count) in bins)
        {
            for (int i = 0; i < count; i++) points.Add(new EmbeddingPoint(points.Count, chromosome, bin * 100 + i * 7));
        }

        return [.. points];
    }
}
