using HyenaFlow.Plots.Rendering;
using HyenaFlow.Plots.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace HyenaFlow.Plots.Tests;

public sealed class PanelGridTests
{
    [Fact]
    public void A_title_wider_than_the_image_shrinks_to_fit_instead_of_being_cut()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hyenaflow-panel-grid-{Guid.NewGuid():N}.png");
        try
        {
            var panels = Enumerable.Range(0, 2).Select(i =>
            {
                var plot = new Plot();
                plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { i, i + 1, i });
                return plot;
            }).ToList();
            string title = "UMAP of small-32k embeddings of 3,960 reference windows (1,024 bp) by chromosome, seed 1";

            PanelGrid.Write(panels, columns: 2, title, [], width: 600, height: 320, path);

            // The title band has ink, and none in the outermost columns where a cut title would touch the edges.
            Assert.True(PngImage.InkInRows(path, 0, 40) > 200);
            using var bitmap = SKBitmap.Decode(path);
            for (int y = 0; y < 40; y++)
            {
                foreach (int x in new[] { 0, 1, 2, bitmap.Width - 3, bitmap.Width - 2, bitmap.Width - 1 })
                {
                    SKColor p = bitmap.GetPixel(x, y);
                    Assert.True(p.Red > 200 && p.Green > 200 && p.Blue > 200, $"ink at ({x}, {y}): the title runs off the image");
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
