using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Plots.Report;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>The report files of training and evaluation stages: the metrics log, curves of what it holds, and the
/// confusion matrix. Drawn in the attempt's scratch folder and kept through the stage's telemetry.</summary>
internal static class TrainingReports
{
    private const int Width = 900;
    private const int Height = 520;

    public static async Task LogTrainingAsync(ActivityContext context, string metricsPath, string title, CancellationToken cancellationToken)
    {
        await context.LogFileAsync(metricsPath, "metrics", cancellationToken).ConfigureAwait(false);
        var log = MetricsLog.Read(metricsPath);
        string[] curves = [LossCurvesFigure.TrainKey, LossCurvesFigure.ValidationKey];
        foreach (var key in curves.Where(log.Has))
        {
            var png = Path.Combine(context.WorkingDirectory, "plots", key.Replace('/', '-') + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(png)!);
            LossCurvesFigure.Write([log], key, $"{title}: {key}", Width, Height, png);
            await context.LogFileAsync(png, "plots", cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task LogConfusionAsync(ActivityContext context, EvaluationReport report, IReadOnlyList<string> classes, string title, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.WorkingDirectory, "confusion");
        Directory.CreateDirectory(folder);
        var tsv = Path.Combine(folder, "confusion.tsv");
        var png = Path.Combine(folder, "confusion.png");
        ConfusionMatrixFigure.WriteTsv(report.Confusion, classes, tsv);
        ConfusionMatrixFigure.WritePng(report.Confusion, classes, title, 640, 560, png);
        await context.LogFileAsync(tsv, "tables", cancellationToken).ConfigureAwait(false);
        await context.LogFileAsync(png, "plots", cancellationToken).ConfigureAwait(false);
    }
}
