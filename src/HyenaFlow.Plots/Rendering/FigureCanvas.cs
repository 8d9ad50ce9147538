using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>Raster surfaces and the text and marker primitives that figures draw outside ScottPlot (grid titles, shared legends, tables).</summary>
public static class FigureCanvas
{
    /// <summary>A white RGBA surface of the given size.</summary>
    public static SKSurface CreateSurface(int width, int height)
    {
        if (width < 16 || height < 16)
            throw new ArgumentOutOfRangeException(nameof(width), $"A figure of {width} × {height} pixels is too small; both sides must be at least 16.");
        var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not allocate a {width} × {height} surface.");
        surface.Canvas.Clear(SKColors.White);
        return surface;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>, aligned about <paramref name="x"/>.</summary>
    public static void Text(SKCanvas canvas, string text, float x, float y, float size, bool bold = false, SKTextAlign align = SKTextAlign.Left, SKColor? color = null)
    {
        using var typeface = FigureFonts.Typeface(bold);
        using var font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>The width <paramref name="text"/> takes at <paramref name="size"/> pixels.</summary>
    public static float MeasureText(string text, float size, bool bold = false)
    {
        using var typeface = FigureFonts.Typeface(bold);
        using var font = new SKFont(typeface, size);
        return font.MeasureText(text);
    }

    /// <summary>The height <see cref="Legend"/> takes for these entries in <paramref name="width"/> pixels.</summary>
    public static float LegendHeight(IReadOnlyList<LegendEntry> entries, float width, float size) =>
        entries.Count == 0 ? 0 : LegendRows(entries, width, size).Count * size * 1.5f;

    /// <summary>A legend centred horizontally in <paramref name="width"/> pixels, first baseline at <paramref name="y"/>; wraps onto further rows when needed.</summary>
    public static void Legend(SKCanvas canvas, IReadOnlyList<LegendEntry> entries, float width, float y, float size)
    {
        float marker = size * 0.8f;
        var rows = LegendRows(entries, width, size);
        using var paint = new SKPaint { IsAntialias = true };
        for (int r = 0; r < rows.Count; r++)
        {
            float total = rows[r].Sum(i => i.Width) + LegendGap * (rows[r].Count - 1);
            float x = (width - total) / 2;
            float baseline = y + r * size * 1.5f;
            foreach (var (entry, itemWidth) in rows[r])
            {
                paint.Color = entry.Color;
                canvas.DrawCircle(x + marker / 2, baseline - size * 0.35f, marker / 2, paint);
                Text(canvas, entry.Label, x + marker + 6, baseline, size);
                x += itemWidth + LegendGap;
            }
        }
    }

    private const float LegendGap = 18;

    private static List<List<(LegendEntry Entry, float Width)>> LegendRows(IReadOnlyList<LegendEntry> entries, float width, float size)
    {
        float marker = size * 0.8f;
        var rows = new List<List<(LegendEntry Entry, float Width)>> { new() };
        float rowWidth = 0;
        foreach (var entry in entries)
        {
            float itemWidth = marker + 6 + MeasureText(entry.Label, size);
            if (rows[^1].Count > 0 && rowWidth + LegendGap + itemWidth > width - 20)
            {
                rows.Add([]);
                rowWidth = 0;
            }

            rowWidth += (rows[^1].Count > 0 ? LegendGap : 0) + itemWidth;
            rows[^1].Add((entry, itemWidth));
        }

        return rows;
    }
}
