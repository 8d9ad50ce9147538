using HyenaFlow.Plots.Rendering;

namespace HyenaFlow.Plots.Report;

/// <summary>
/// The report stage: the thesis's figures other than the UMAP grids, as PNGs in one folder, plus the
/// results table as results.md and results.png.
/// </summary>
public static class ThesisReport
{
    public const string MutationsPerSequenceImage = "mutations-per-sequence.png";
    public const string TrainLossImage = "train-loss.png";
    public const string ValidationLossImage = "validation-loss.png";
    public const string ScheduleImage = "cosine-schedule.png";
    public const string ResultsMarkdown = "results.md";
    public const string ResultsImage = "results.png";

    /// <returns>Every file written, in the order of the thesis's figures.</returns>
    public static IReadOnlyList<string> Write(ThesisReportInputs inputs, string outputDirectory)
    {
        // Read every input before writing anything, so bad input fails without leaving a partial report.
        var runs = (inputs.MetricsFiles ?? []).Select(MetricsLog.Read).ToList();
        var datasets = inputs.Datasets ?? [];
        foreach (string dataset in datasets)
        {
            if (!Directory.Exists(dataset)) throw new DirectoryNotFoundException($"{dataset}: no such dataset directory.");
        }

        Directory.CreateDirectory(outputDirectory);
        int w = inputs.Width, h = inputs.Height;
        var files = new List<string>();
        if (inputs.Mutations is { } mutations)
        {
            files.AddRange(MutationsPerLineFigure.Write(mutations, outputDirectory, w, h));
        }

        var schedule = inputs.Schedule ?? (runs.Count > 0 ? ScheduleFigure.FromParameters(runs[0].Parameters) : new Engine.Training.CosineWarmupSchedule());
        var logged = inputs.Schedule is null && runs.Count > 0 ? runs[0].Series("train/lr") : null;
        files.Add(Output(outputDirectory, ScheduleImage, p => ScheduleFigure.Write(schedule, w, h, p, logged)));

        if (datasets.Count > 0)
        {
            files.Add(Output(outputDirectory, MutationsPerSequenceImage, p => MutationsPerSequenceFigure.Write(datasets, Math.Max(w, 700 * datasets.Count), h, p)));
        }

        if (runs.Count > 0)
        {
            files.Add(Output(outputDirectory, TrainLossImage, p => LossCurvesFigure.Write(runs, LossCurvesFigure.TrainKey, "Train loss", w, h, p)));
            if (runs.Any(r => r.Has(LossCurvesFigure.ValidationKey)))
            {
                files.Add(Output(outputDirectory, ValidationLossImage, p => LossCurvesFigure.Write(runs, LossCurvesFigure.ValidationKey, "Validation loss", w, h, p)));
            }
        }

        var results = inputs.Results ?? ResultsOf(runs);
        if (results.Count > 0)
        {
            files.Add(Output(outputDirectory, ResultsMarkdown, p => ResultsTable.WriteMarkdown(results, p)));
            files.Add(Output(outputDirectory, ResultsImage, p => ResultsTable.WritePng(results, "Top accuracies of the fine-tuning runs", w, Math.Max(h, 160 + 40 * results.Count), p)));
        }

        return files;
    }

    private static IReadOnlyList<RunResult> ResultsOf(IReadOnlyList<MetricsLog> runs)
    {
        var names = LossCurvesFigure.RunNames(runs);
        return [.. runs.Where(r => r.Has("test/accuracy") || r.Has("test/best_accuracy")).Select(r => RunResult.FromMetrics(r, names[r]))];
    }

    private static string Output(string directory, string file, Action<string> write)
    {
        string path = Path.Combine(directory, file);
        write(path);
        return path;
    }
}
