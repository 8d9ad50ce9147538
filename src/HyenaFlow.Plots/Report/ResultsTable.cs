using System.Globalization;
using System.Text;
using HyenaFlow.Genomics.IO;
using HyenaFlow.Plots.Rendering;
using SkiaSharp;

namespace HyenaFlow.Plots.Report;

/// <summary>The results table (thesis Table 4.1) as Markdown and as a PNG with the same cells.</summary>
public static class ResultsTable
{
    public static readonly IReadOnlyList<string> Header = ["run", "model", "context", "init", "batch", "top accuracy"];

    public static IReadOnlyList<string[]> Rows(IReadOnlyList<RunResult> results) =>
        [.. results.Select(r => new[]
        {
            r.Name, r.Model, r.Context > 0 ? r.Context.ToString("N0", CultureInfo.InvariantCulture) : "?", r.Init,
            r.Batch > 0 ? r.Batch.ToString(CultureInfo.InvariantCulture) : "?",
            double.IsNaN(r.TopAccuracy) ? "n/a" : r.TopAccuracy.ToString("0.0000", CultureInfo.InvariantCulture),
        })];

    public static string Markdown(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Header).Append(" |\n");
        text.Append('|').AppendJoin('|', Header.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
        foreach (string[] row in Rows(results))
        {
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return text.ToString();
    }

    public static void WriteMarkdown(IReadOnlyList<RunResult> results, string path) =>
        AtomicFile.WriteText(path, w => w.Write("# Top accuracies of the fine-tuning runs\n\n" + Markdown(results)));

    /// <summary>Draws the table centred in a <paramref name="width"/> × <paramref name="height"/> PNG.</summary>
    public static void WritePng(IReadOnlyList<RunResult> results, string title, int width, int height, string path)
    {
        if (results.Count == 0) throw new ArgumentException("The results table needs at least one run.", nameof(results));
        var rows = Rows(results);
        var all = new List<string[]> { Header.ToArray() };
        all.AddRange(rows);
        float titleHeight = 60;

        // Text shrinks (down to 9 px) until the table fits the image; below that the image is too small.
        float textSize = 18;
        var (columnWidths, tableWidth, tableHeight) = Layout(all, textSize);
        while ((tableWidth > width - 20 || tableHeight + titleHeight > height - 20) && textSize > 9)
        {
            textSize = Math.Max(9, textSize * Math.Min(0.95f, Math.Min((width - 20) / tableWidth, (height - titleHeight - 20) / tableHeight)));
            (columnWidths, tableWidth, tableHeight) = Layout(all, textSize);
        }

        if (tableWidth > width - 20 || tableHeight + titleHeight > height - 20)
        {
            throw new ArgumentOutOfRangeException(nameof(height),
                $"A table of {all.Count} rows needs about {tableWidth + 20:F0} × {tableHeight + titleHeight + 20:F0} pixels; {width} × {height} is too small.");
        }

        float cellPadding = textSize * 0.8f;
        float rowHeight = textSize * 2;
        using var surface = FigureCanvas.CreateSurface(width, height);
        SKCanvas canvas = surface.Canvas;
        FigureCanvas.Text(canvas, title, width / 2f, 40, 22, bold: true, align: SKTextAlign.Center);
        float left = (width - tableWidth) / 2;
        float top = titleHeight + (height - titleHeight - tableHeight) / 2;
        using var band = new SKPaint { Color = new SKColor(0xFFEFF3F8) };
        using var rule = new SKPaint { Color = SKColors.Black, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawRect(left, top, tableWidth, rowHeight, band);
        for (int r = 0; r < all.Count; r++)
        {
            float baseline = top + r * rowHeight + rowHeight * 0.68f;
            float x = left;
            for (int c = 0; c < Header.Count; c++)
            {
                bool numeric = c >= 2 && c != 3;
                float anchor = numeric ? x + columnWidths[c] - cellPadding : x + cellPadding;
                FigureCanvas.Text(canvas, all[r][c], anchor, baseline, textSize, bold: r == 0, align: numeric ? SKTextAlign.Right : SKTextAlign.Left);
                x += columnWidths[c];
            }
        }

        canvas.DrawLine(left, top, left + tableWidth, top, rule);
        canvas.DrawLine(left, top + rowHeight, left + tableWidth, top + rowHeight, rule);
        canvas.DrawLine(left, top + tableHeight, left + tableWidth, top + tableHeight, rule);
        using var image = surface.Snapshot();
        PngFile.Write(image, path);
    }

    private static (float[] ColumnWidths, float Width, float Height) Layout(List<string[]> cells, float textSize)
    {
        float padding = textSize * 0.8f;
        float[] widths = [.. Enumerable.Range(0, Header.Count).Select(c => cells.Max(r => FigureCanvas.MeasureText(r[c], textSize, bold: true)) + 2 * padding)];
        return (widths, widths.Sum(), textSize * 2 * cells.Count);
    }
}
