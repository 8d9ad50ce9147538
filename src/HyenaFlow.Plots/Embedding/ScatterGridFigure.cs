using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Embedding;

/// <summary>One image per labelling: a scatter panel per UMAP setting (rows n_neighbors, columns min_dist), titled with its parameters.</summary>
public static class ScatterGridFigure
{
    /// <summary>Draws <paramref name="cells"/> coloured by <paramref name="labelling"/> into a PNG of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static void Write(IReadOnlyList<UmapGridCell> cells, int columns, PointLabelling labelling, int width, int height, string path)
    {
        if (cells.Count == 0) throw new ArgumentException("No UMAP results to draw.", nameof(cells));
        int points = labelling.Labels.Count;
        foreach (UmapGridCell cell in cells)
        {
            if (cell.Coordinates.GetLength(0) != points || cell.Coordinates.GetLength(1) != 2)
            {
                throw new ArgumentException(
                    $"UMAP setting {cell.Setting.Title} has {cell.Coordinates.GetLength(0)} × {cell.Coordinates.GetLength(1)} coordinates; expected {points} × 2, one row per labelled point.",
                    nameof(cells));
            }
        }

        var panels = cells.Select(c => Panel(c, labelling)).ToList();
        PanelGrid.Write(panels, columns, labelling.Title, labelling.Legend, width, height, path);
    }

    private static Plot Panel(UmapGridCell cell, PointLabelling labelling)
    {
        var plot = new Plot();
        FigureFonts.Apply(plot);
        plot.Title(cell.Setting.Title, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
        plot.Axes.Left.TickLabelStyle.FontSize = 9;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.06);

        // Background first, so the coloured categories are drawn over it.
        AddPoints(plot, cell, labelling, label => !labelling.IsColoured(label), FigureColours.Background);
        foreach (string label in labelling.Coloured)
        {
            AddPoints(plot, cell, labelling, l => l == label, labelling.ColourOf(label));
        }

        return plot;
    }

    private static void AddPoints(Plot plot, UmapGridCell cell, PointLabelling labelling, Func<string?, bool> include, SkiaSharp.SKColor colour)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < labelling.Labels.Count; i++)
        {
            if (!include(labelling.Labels[i])) continue;
            xs.Add(cell.Coordinates[i, 0]);
            ys.Add(cell.Coordinates[i, 1]);
        }

        if (xs.Count == 0) return;
        var scatter = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), FigureColours.ToScottPlot(colour));
        scatter.MarkerSize = xs.Count > 2_000 ? 3 : 5;
    }
}
