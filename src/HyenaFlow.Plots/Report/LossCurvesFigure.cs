using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Report;

/// <summary>Train and validation loss over optimiser steps, one line per run (thesis Figures 4.5–4.6).</summary>
public static class LossCurvesFigure
{
    public const string TrainKey = "train/loss";
    public const string ValidationKey = "test/loss";

    /// <summary>Draws <paramref name="key"/> of every run that logged it.</summary>
    /// <exception cref="InvalidDataException">No run logged <paramref name="key"/>.</exception>
    public static void Write(IReadOnlyList<MetricsLog> runs, string key, string title, int width, int height, string path)
    {
        var withKey = runs.Where(r => r.Has(key)).ToList();
        if (withKey.Count == 0)
        {
            throw new InvalidDataException(
                $"None of the metrics files ({string.Join(", ", runs.Select(r => r.Path))}) logged '{key}'; expected metrics from 'model finetune --metrics FILE'.");
        }

        var plot = ReportPlots.Create(title, "optimiser step", "loss");
        var names = RunNames(runs);
        foreach (MetricsLog run in withKey)
        {
            var points = run.Series(key).Where(p => double.IsFinite(p.Value)).ToList();
            if (points.Count == 0) continue;
            var colour = FigureColours.ToScottPlot(FigureColours.Category(runs.ToList().IndexOf(run)));
            double[] xs = [.. points.Select(p => (double)p.Step)];
            double[] ys = [.. points.Select(p => p.Value)];
            var line = plot.Add.ScatterLine(xs, ys, colour);
            line.LineWidth = 1.5f;
            line.LegendText = names[run];
            if (points.Count <= 50)
            {
                line.MarkerSize = 6;
                line.MarkerShape = MarkerShape.FilledCircle;
            }
        }

        plot.ShowLegend(Alignment.UpperRight);
        PngFile.Write(plot, width, height, path);
    }

    /// <summary>Legend names: "model arm" from the run's parameters, else its file name; made unique with the file name.</summary>
    public static IReadOnlyDictionary<MetricsLog, string> RunNames(IReadOnlyList<MetricsLog> runs)
    {
        string Natural(MetricsLog r) =>
            r.Parameters.TryGetValue("model", out var model) && r.Parameters.TryGetValue("arm", out var arm) ? $"{model} {arm}" : Path.GetFileNameWithoutExtension(r.Path);
        var names = runs.ToDictionary(r => r, Natural);
        foreach (var group in runs.GroupBy(r => names[r]).Where(g => g.Count() > 1))
        {
            foreach (MetricsLog r in group) names[r] = $"{names[r]} ({Path.GetFileName(r.Path)})";
        }

        return names;
    }
}
