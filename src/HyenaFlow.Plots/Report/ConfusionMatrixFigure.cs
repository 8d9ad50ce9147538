using System.Globalization;
using HyenaFlow.Genomics.IO;
using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Report;

/// <summary>A classifier's confusion matrix: rows are the actual class, columns the predicted one, each cell shaded
/// by its share of the row (so unequal class sizes still read) and labelled with its count.</summary>
public static class ConfusionMatrixFigure
{
    public static void WritePng(long[,] counts, IReadOnlyList<string> classes, string title, int width, int height, string path)
    {
        Validate(counts, classes);
        int n = classes.Count;
        var plot = ReportPlots.Create(title, "predicted", "actual");
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (int actual = 0; actual < n; actual++)
        {
            long rowTotal = Enumerable.Range(0, n).Sum(p => counts[actual, p]);
            for (int predicted = 0; predicted < n; predicted++)
            {
                double share = rowTotal == 0 ? 0 : (double)counts[actual, predicted] / rowTotal;
                // Row 0 on top, as the matrix reads.
                double top = n - actual, bottom = top - 1;
                var cell = plot.Add.Rectangle(predicted, predicted + 1, bottom, top);
                cell.FillColor = colormap.GetColor(share);
                cell.LineColor = Colors.White;
                var label = plot.Add.Text(counts[actual, predicted].ToString("N0", CultureInfo.InvariantCulture), predicted + 0.5, bottom + 0.5);
                label.LabelFontSize = 16;
                label.LabelFontColor = share > 0.6 ? Colors.Black : Colors.White;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        double[] centres = [.. Enumerable.Range(0, n).Select(i => i + 0.5)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, [.. classes]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. centres.Select(c => n - c)], [.. classes]);
        plot.Axes.SetLimits(0, n, 0, n);
        plot.Grid.IsVisible = false;
        PngFile.Write(plot, width, height, path);
    }

    /// <summary>The same matrix as a table a person or a spreadsheet reads: a header of predicted classes, one row per actual class.</summary>
    public static void WriteTsv(long[,] counts, IReadOnlyList<string> classes, string path)
    {
        Validate(counts, classes);
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write("actual\\predicted\t" + string.Join('\t', classes) + "\n");
            for (int actual = 0; actual < classes.Count; actual++)
            {
                writer.Write(classes[actual]);
                for (int predicted = 0; predicted < classes.Count; predicted++)
                    writer.Write("\t" + counts[actual, predicted].ToString(CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });
    }

    private static void Validate(long[,] counts, IReadOnlyList<string> classes)
    {
        if (classes.Count == 0 || counts.GetLength(0) != classes.Count || counts.GetLength(1) != classes.Count)
            throw new ArgumentException($"a confusion matrix of {classes.Count} classes must be {classes.Count} × {classes.Count}, got {counts.GetLength(0)} × {counts.GetLength(1)}", nameof(counts));
    }
}
