using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Plots.Report;
using HyenaFlow.Plots.Tests.Support;

namespace HyenaFlow.Plots.Tests;

/// <summary>The report stage's figures from real inputs: metrics written by the engine's tracker, a schedule, results.</summary>
public sealed class ThesisReportTests
{
    [Fact]
    public void MetricsFilesGiveLossCurvesScheduleAndResultsTable()
    {
        using var dir = new TempDirectory("plots-report");
        string pretrained = WriteRun(dir.File("pretrained.jsonl"), "small-32k", "pretrained", 0.5462, loss: 0.69);
        string random = WriteRun(dir.File("random.jsonl"), "small-32k", "random", 0.5, loss: 0.72);

        var files = ThesisReport.Write(new ThesisReportInputs(MetricsFiles: [pretrained, random]) { Width = 800, Height = 500 }, dir.File("report"));

        Assert.Equal(
            [ThesisReport.ScheduleImage, ThesisReport.TrainLossImage, ThesisReport.ValidationLossImage, ThesisReport.ResultsMarkdown, ThesisReport.ResultsImage],
            files.Select(Path.GetFileName));
        foreach (string png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal))) PngImage.AssertValid(png, 800, 500);
        string markdown = File.ReadAllText(dir.File("report/results.md"));
        Assert.Contains("| small-32k pretrained | small-32k | 1,026 | pretrained | 256 | 0.5462 |", markdown);
        Assert.Contains("| small-32k random | small-32k | 1,026 | random | 256 | 0.5000 |", markdown);
    }

    [Fact]
    public void ScheduleFromRunParametersMatchesTheEngine()
    {
        var schedule = ScheduleFigure.FromParameters(new Dictionary<string, string> { ["lr"] = "0.001", ["t_initial"] = "400", ["warmup_t"] = "10" });
        Assert.Equal(new CosineWarmupSchedule { LearningRate = 0.001, CycleSteps = 400, WarmupSteps = 10 }, schedule);
    }

    [Fact]
    public void ExplicitResultsMakeTheTable()
    {
        using var dir = new TempDirectory("plots-results");
        RunResult[] results =
        [
            new("1K-HyenaDNA", "tiny-1k", 1_026, "pretrained", 256, 0.5268),
            new("32K-HyenaDNA", "small-32k", 32_770, "pretrained", 256, 0.5462),
            new("32K-random", "small-32k", 32_770, "random", 256, 0.5),
            new("32K-frozen", "small-32k", 32_770, "frozen", 256, double.NaN),
        ];

        ResultsTable.WritePng(results, "Table 4.1", 900, 400, dir.File("t.png"));
        ResultsTable.WriteMarkdown(results, dir.File("t.md"));

        PngImage.AssertValid(dir.File("t.png"), 900, 400);
        string[] lines = File.ReadAllLines(dir.File("t.md"));
        Assert.Equal("| 32K-frozen | small-32k | 32,770 | frozen | 256 | n/a |", lines[^1]);
    }

    [Fact]
    public void EmptyMetricsFileIsAClearError()
    {
        using var dir = new TempDirectory("plots-empty");
        File.WriteAllText(dir.File("empty.jsonl"), "");
        var error = Assert.Throws<DataFormatException>(() => ThesisReport.Write(new ThesisReportInputs(MetricsFiles: [dir.File("empty.jsonl")]), dir.File("out")));
        Assert.Contains("empty.jsonl", error.Message);
        Assert.Contains("empty", error.Problem);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void MetricsWithoutAnyMetricRecordIsAClearError()
    {
        using var dir = new TempDirectory("plots-params");
        using (var tracker = new JsonLinesTracker(dir.File("params.jsonl"))) tracker.LogParams(new Dictionary<string, string> { ["model"] = "tiny-1k" });
        var error = Assert.Throws<DataFormatException>(() => MetricsLog.Read(dir.File("params.jsonl")));
        Assert.Contains("no metric records", error.Problem);
    }

    [Fact]
    public void BrokenLineNamesFileAndLine()
    {
        using var dir = new TempDirectory("plots-broken");
        File.WriteAllLines(dir.File("m.jsonl"), ["{\"type\":\"metric\",\"key\":\"train/loss\",\"value\":0.7,\"step\":1,\"time\":0}", "{not json"]);
        var error = Assert.Throws<DataFormatException>(() => MetricsLog.Read(dir.File("m.jsonl")));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void MissingInputsAreNamed()
    {
        using var dir = new TempDirectory("plots-missing");
        var metrics = Assert.Throws<FileNotFoundException>(() => ThesisReport.Write(new ThesisReportInputs(MetricsFiles: [dir.File("nope.jsonl")]), dir.File("out")));
        Assert.Contains("nope.jsonl", metrics.Message);
        var dataset = Assert.Throws<DirectoryNotFoundException>(() => ThesisReport.Write(new ThesisReportInputs(Datasets: [dir.File("no-dataset")]), dir.File("out")));
        Assert.Contains("no-dataset", dataset.Message);
    }

    [Fact]
    public void ResumedRunsKeepTheLastValueOfAStepAndReadNonFiniteValues()
    {
        using var dir = new TempDirectory("plots-resume");
        using (var tracker = new JsonLinesTracker(dir.File("m.jsonl")))
        {
            tracker.LogMetric("train/loss", 1.0, 5);
            tracker.LogMetric("train/loss", 0.5, 6);
            tracker.LogMetric("train/loss", 0.4, 5);
            tracker.LogMetric("train/grad_norm", double.NaN, 5);
        }

        var log = MetricsLog.Read(dir.File("m.jsonl"));
        Assert.Equal([(5L, 0.4), (6L, 0.5)], log.Series("train/loss"));
        Assert.True(double.IsNaN(log.Series("train/grad_norm")[0].Value));
    }

    private static string WriteRun(string path, string model, string arm, double bestAccuracy, double loss)
    {
        using var tracker = new JsonLinesTracker(path);
        tracker.LogParams(new Dictionary<string, string>
        {
            ["arm"] = arm, ["model"] = model, ["batch_size"] = "32", ["global_batch_size"] = "256", ["tokens_per_sequence"] = "1026",
            ["lr"] = "0.0006", ["t_initial"] = "60", ["warmup_t"] = "5", ["lr_min"] = "6e-05", ["warmup_lr_init"] = "1e-06",
        });
        var schedule = new CosineWarmupSchedule { CycleSteps = 60, WarmupSteps = 5 };
        for (int step = 1; step <= 60; step++)
        {
            tracker.LogMetric("train/loss", loss + 0.3 * Math.Exp(-step / 15.0) + 0.01 * Math.Sin(step), step);
            tracker.LogMetric("train/lr", schedule.At(step - 1), step);
            if (step % 20 == 0)
            {
                tracker.LogMetric("test/loss", loss + 0.2 * Math.Exp(-step / 20.0), step);
                tracker.LogMetric("test/accuracy", bestAccuracy - 0.01 * (3 - step / 20), step);
                tracker.LogMetric("test/best_accuracy", bestAccuracy - 0.01 * (3 - step / 20), step);
            }
        }

        return path;
    }
}
