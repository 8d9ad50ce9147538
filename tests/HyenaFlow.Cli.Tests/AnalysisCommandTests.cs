using System.Buffers.Binary;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

/// <summary>The analysis verbs on generated data: the embedding experiment with its control, and the report.</summary>
[Collection("torch")]
public sealed class AnalysisCommandTests
{
    [Fact]
    public async Task UmapGridAndReportRunOnASynthesisedStudy()
    {
        using var dir = new TempDirectory("analysis-cli");
        await BuildAsync(dir);
        string weights = dir.File("random.weights");
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K))
        {
            model.InitializeWeights(5);
            model.save(weights);
        }

        var (code, output, error) = await CliRunner.RunAsync("analysis", "umap-grid", "--genome", dir.File("genome.hfg"), "--weights", weights,
            "--out", dir.File("umap"), "--length", "48", "--per-chromosome", "8", "--dataset", dir.File("dataset"), "--max-mutated", "30",
            "--neighbors", "5,10", "--min-dist", "0.0,0.5", "--epochs", "20", "--width", "700", "--height", "650", "--threads", "1");
        Assert.True(code == 0, error);
        Assert.Contains("embedded 24 reference windows", output);
        foreach (string image in new[] { "umap-chromosome.png", "umap-position-bins.png", "umap-cancer-type.png" })
        {
            Assert.Equal((700, 650), PngSize(dir.File($"umap/{image}")));
        }

        string[] rows = File.ReadAllLines(dir.File("umap/coordinates.tsv"));
        Assert.StartsWith("set\tn_neighbors\tmin_dist\tpoint", rows[0]);
        Assert.Equal(4 * 24, rows.Count(r => r.StartsWith("reference\t", StringComparison.Ordinal)));
        var mutated = rows.Where(r => r.StartsWith("mutated\t", StringComparison.Ordinal)).Select(r => r.Split('\t')).ToList();
        Assert.NotEmpty(mutated);
        Assert.All(mutated, r => Assert.NotEqual("", r[7]));

        string metrics = dir.File("run.jsonl");
        using (var tracker = new JsonLinesTracker(metrics))
        {
            tracker.LogParams(new Dictionary<string, string> { ["arm"] = "pretrained", ["model"] = "tiny-1k", ["global_batch_size"] = "8", ["tokens_per_sequence"] = "64" });
            for (int step = 1; step <= 10; step++) tracker.LogMetric("train/loss", 1.0 / step, step);
            tracker.LogMetric("test/loss", 0.4, 10);
            tracker.LogMetric("test/accuracy", 0.55, 10);
        }

        var (reportCode, reportOut, reportError) = await CliRunner.RunAsync("analysis", "report", "--out", dir.File("report"),
            "--mutations", dir.File("mutations"), "--dataset", dir.File("dataset"), "--dataset", dir.File("dataset-short"), "--metrics", metrics,
            "--width", "640", "--height", "480");
        Assert.True(reportCode == 0, reportError);
        Assert.Contains("mutations-per-cell-line-all.png", reportOut);
        Assert.Equal((640, 480), PngSize(dir.File("report/train-loss.png")));
        Assert.Equal((640, 480), PngSize(dir.File("report/cosine-schedule.png")));
        Assert.True(File.Exists(dir.File("report/mutations-per-sequence.png")));
        Assert.Contains("| tiny-1k pretrained | tiny-1k | 64 | pretrained | 8 | 0.5500 |", await File.ReadAllTextAsync(dir.File("report/results.md")));
    }

    [Fact]
    public async Task MissingWeightsAndEmptyMetricsAreClearErrors()
    {
        using var dir = new TempDirectory("analysis-bad");
        var (code, _, error) = await CliRunner.RunAsync("analysis", "umap-grid", "--genome", dir.File("nowhere.hfg"), "--weights", dir.File("none.weights"), "--out", dir.File("o"));
        Assert.Equal(1, code);
        Assert.Contains("none.weights", error);

        File.WriteAllText(dir.File("empty.jsonl"), "");
        (code, _, error) = await CliRunner.RunAsync("analysis", "report", "--out", dir.File("r"), "--metrics", dir.File("empty.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("empty.jsonl", error);
        Assert.Contains("empty", error);

        (code, _, error) = await CliRunner.RunAsync("analysis", "umap-grid", "--genome", "g", "--weights", "w", "--out", "o", "--neighbors", "5,ten");
        Assert.Equal(2, code);
        Assert.Contains("'ten'", error);
    }

    private static async Task BuildAsync(TempDirectory dir)
    {
        foreach (string[] args in new[]
        {
            new[] { "data", "synth", "--out", dir.File("raw"), "--seed", "4", "--profile", "demo" },
            ["genome", "import", "--fasta", dir.File("raw/genome.fna.gz"), "--out", dir.File("genome.hfg")],
            ["mutations", "import", "--mutations", dir.File("raw/OmicsSomaticMutations.csv"), "--models", dir.File("raw/Model.csv"), "--genome", dir.File("genome.hfg"), "--out", dir.File("mutations")],
            ["dataset", "build", "--genome", dir.File("genome.hfg"), "--mutations", dir.File("mutations"), "--length", "62", "--seed", "3", "--out", dir.File("dataset"),
                "--train-lines", "2", "--test-lines", "1", "--max-per-line", "10", "--include-embedding"],
            ["dataset", "build", "--genome", dir.File("genome.hfg"), "--mutations", dir.File("mutations"), "--length", "30", "--seed", "3", "--out", dir.File("dataset-short"),
                "--train-lines", "2", "--test-lines", "1", "--max-per-line", "10"],
        })
        {
            var (code, _, error) = await CliRunner.RunAsync(args);
            Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
        }
    }

    private static (int Width, int Height) PngSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
