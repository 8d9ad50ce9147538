using ScottPlot;
using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>
/// Several ScottPlot panels tiled row by row into one image of an exact size, under a figure title and
/// one legend shared by every panel (a 6 × 6 grid with 36 legends would hide the points).
/// </summary>
public static class PanelGrid
{
    private const float TitleSize = 26;
    private const float LegendSize = 18;
    private const float Padding = 12;

    /// <summary>Renders <paramref name="panels"/> in <paramref name="columns"/> columns to a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Write(IReadOnlyList<Plot> panels, int columns, string title, IReadOnlyList<LegendEntry> legend, int width, int height, string path)
    {
        if (panels.Count == 0) throw new ArgumentException("A panel grid needs at least one panel.", nameof(panels));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        int rows = (panels.Count + columns - 1) / columns;
        float header = Padding + TitleSize + Padding + FigureCanvas.LegendHeight(legend, width, LegendSize);
        float panelWidth = (float)width / columns;
        float panelHeight = (height - header - Padding) / rows;
        if (panelWidth < 60 || panelHeight < 60)
        {
            throw new ArgumentOutOfRangeException(nameof(height),
                $"{width} × {height} pixels leave {panelWidth:F0} × {panelHeight:F0} per panel for {rows} × {columns} panels; each panel needs at least 60 × 60.");
        }

        using var surface = FigureCanvas.CreateSurface(width, height);
        SKCanvas canvas = surface.Canvas;
        // A long title (model and point counts in it) shrinks to the image's width rather than being cut at both edges;
        // 0.9 because the measured width of bold text runs a few per cent short of the drawn one.
        float titleSize = Math.Min(TitleSize, 0.9f * TitleSize * (width - 2 * Padding) / Math.Max(1, FigureCanvas.MeasureText(title, TitleSize, bold: true)));
        FigureCanvas.Text(canvas, title, width / 2f, Padding + TitleSize, titleSize, bold: true, align: SKTextAlign.Center);
        FigureCanvas.Legend(canvas, legend, width, Padding + TitleSize + Padding + LegendSize, LegendSize);
        for (int i = 0; i < panels.Count; i++)
        {
            float left = i % columns * panelWidth;
            float top = header + i / columns * panelHeight;
            var rect = new PixelRect(new Pixel(left, top), new PixelSize(panelWidth, panelHeight));
            canvas.Save();
            canvas.ClipRect(new SKRect(left, top, left + panelWidth, top + panelHeight));
            panels[i].Render(canvas, rect);
            canvas.Restore();
        }

        using var image = surface.Snapshot();
        PngFile.Write(image, path);
    }
}
