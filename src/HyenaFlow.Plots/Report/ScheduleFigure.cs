using System.Globalization;
using HyenaFlow.Engine.Training;
using HyenaFlow.Plots.Rendering;
using ScottPlot;

namespace HyenaFlow.Plots.Report;

/// <summary>The learning rate of the cosine schedule with linear warm-up over the optimiser steps (thesis Figure 3.5).</summary>
public static class ScheduleFigure
{
    /// <param name="logged">Learning rates a run actually used (train/lr), drawn over the curve when given.</param>
    public static void Write(CosineWarmupSchedule schedule, int width, int height, string path, IReadOnlyList<(long Step, double Value)>? logged = null)
    {
        if (schedule.CycleSteps < 1) throw new ArgumentException($"The schedule's cycle has {schedule.CycleSteps} steps; it needs at least 1.", nameof(schedule));
        long end = schedule.CycleSteps + Math.Max(1, schedule.CycleSteps / 20);
        const int Samples = 2_000;
        double[] steps = [.. Enumerable.Range(0, Samples + 1).Select(i => Math.Round((double)i * end / Samples))];
        double[] rates = [.. steps.Select(s => schedule.At((long)s))];

        var inv = CultureInfo.InvariantCulture;
        var plot = ReportPlots.Create(
            string.Create(inv, $"Cosine schedule with linear warm-up (lr {schedule.LearningRate:G3}, warm-up {schedule.WarmupSteps:N0}, cycle {schedule.CycleSteps:N0} steps)"),
            "optimiser step", "learning rate");
        var curve = plot.Add.ScatterLine(steps, rates, FigureColours.ToScottPlot(FigureColours.Category(0)));
        curve.LineWidth = 2;
        curve.LegendText = "schedule";
        if (schedule.WarmupSteps > 0)
        {
            var warmup = plot.Add.VerticalLine(schedule.WarmupSteps, width: 1, color: Colors.Gray, pattern: LinePattern.Dotted);
            warmup.LegendText = "end of warm-up";
        }

        if (logged is { Count: > 0 })
        {
            var used = plot.Add.ScatterPoints(logged.Select(p => (double)p.Step).ToArray(), logged.Select(p => p.Value).ToArray(), FigureColours.ToScottPlot(FigureColours.Category(1)));
            used.MarkerSize = 4;
            used.LegendText = "logged train/lr";
        }

        plot.ShowLegend(Alignment.UpperRight);
        PngFile.Write(plot, width, height, path);
    }

    /// <summary>The schedule a fine-tuning run logged in its parameters (lr, t_initial, lr_min, warmup_lr_init, warmup_t); defaults for any it lacks.</summary>
    public static CosineWarmupSchedule FromParameters(IReadOnlyDictionary<string, string> parameters)
    {
        var schedule = new CosineWarmupSchedule();
        double D(string key, double fallback) =>
            parameters.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : fallback;
        long L(string key, long fallback) =>
            parameters.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : fallback;
        return schedule with
        {
            LearningRate = D("lr", schedule.LearningRate),
            CycleSteps = L("t_initial", schedule.CycleSteps),
            MinLearningRate = D("lr_min", schedule.MinLearningRate),
            WarmupInitialLearningRate = D("warmup_lr_init", schedule.WarmupInitialLearningRate),
            WarmupSteps = L("warmup_t", schedule.WarmupSteps),
        };
    }
}
