using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HyenaFlow.Activities.Analysis;
using HyenaFlow.Activities.Genome;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Analysis;

/// <summary>The analysis stages give, byte for byte, what the `analysis umap-grid` and `analysis report` verbs write
/// for the same inputs (both verbs run in-process), and keep every file as a report of the stage.</summary>
public sealed class CliEquivalenceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hf-analysis-cli-").FullName;
    private readonly LocalArtifactStore _store;

    public CliEquivalenceTests() => _store = new LocalArtifactStore(Path.Combine(_root, "store"));

    [Fact]
    public async Task Embed_windows_then_umap_write_what_the_umap_grid_verb_writes()
    {
        var genome = (await RunAsync(new ImportGenomeActivity(), new() { ["fasta"] = await PutAsync(WriteFasta()) }))["genome"];
        var weights = Path.Combine(_root, "tiny.weights");
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K))
        {
            model.InitializeWeights(7);
            model.save(weights);
        }

        var cliOut = Path.Combine(_root, "cli");
        var (code, output, error) = await CliAsync("analysis", "umap-grid", "--genome", await MaterializeAsync(genome, "genome.hfg"), "--weights", weights,
            "--out", cliOut, "--length", "64", "--per-chromosome", "12", "--neighbors", "5,10", "--min-dist", "0.0,0.5", "--epochs", "30", "--seed", "3",
            "--width", "700", "--height", "650", "--config", "tiny-1k", "--device", "cpu", "--threads", "1");
        Assert.True(code == 0, error);
        Assert.Contains("trustworthiness@10 of the reference set", output);

        var windows = await RunAsync(new EmbedWindowsActivity(), new()
        {
            ["genome"] = genome, ["weights"] = await PutAsync(weights), ["config"] = "tiny-1k", ["length"] = 64, ["per-chromosome"] = 12,
            ["seed"] = 3, ["device"] = "cpu",
        });
        Assert.Equal(36, windows["rows"].GetValue<int>());
        Assert.Equal("tiny-1k", windows["model"].GetValue<string>());
        var telemetry = new CollectingTelemetry(Path.Combine(_root, "reports"));
        var maps = await RunAsync(new UmapActivity(), new()
        {
            ["embeddings"] = windows["embeddings"], ["points"] = windows["points"], ["n-neighbors"] = new JsonArray(5, 10),
            ["min-dist"] = new JsonArray(0.0, 0.5), ["epochs"] = 30, ["seed"] = 3, ["model"] = windows["model"], ["width"] = 700, ["height"] = 650,
        }, telemetry);

        Assert.Equal(Sha256(Path.Combine(cliOut, "umap-chromosome.png")), ArtifactValue.Parse(maps["chromosome-plot"]).Digest);
        Assert.Equal(Sha256(Path.Combine(cliOut, "umap-position-bins.png")), ArtifactValue.Parse(maps["position-plot"]).Digest);
        Assert.Equal(Sha256(Path.Combine(cliOut, "coordinates.tsv")), ArtifactValue.Parse(maps["coordinates"]).Digest);
        Assert.Equal(["plots/umap-chromosome.png", "plots/umap-position-bins.png", "tables/coordinates.tsv", "tables/trustworthiness.tsv"], telemetry.Paths);
        Assert.Equal(Sha256(Path.Combine(cliOut, "trustworthiness.tsv")), Sha256(telemetry.Files[3].Copy));
        Png.AssertValid(telemetry.Files[0].Copy, 700, 650);
    }

    [Fact]
    public async Task Report_writes_what_the_report_verb_writes_and_a_page_with_the_comparison()
    {
        var pretrained = WriteMetrics("a.jsonl", "pretrained", 0.61);
        var random = WriteMetrics("b.jsonl", "random", 0.52);
        var cliOut = Path.Combine(_root, "cli-report");
        var (code, _, error) = await CliAsync("analysis", "report", "--out", cliOut, "--metrics", pretrained, "--metrics", random, "--width", "640", "--height", "480");
        Assert.True(code == 0, error);

        var telemetry = new CollectingTelemetry(Path.Combine(_root, "report-files"));
        const string table = "| | 1K-pretrained | 1K-random |\n|---|---:|---:|\n| Top accuracy | 0.6100 | 0.5200 |\n";
        var outputs = await RunAsync(new ReportActivity(), new()
        {
            // A matrix stage's fan-in arrives nested; the report reads it flattened, in order.
            ["metrics"] = new JsonArray(new JsonArray(await PutAsync(pretrained)), await PutAsync(random)),
            ["table"] = table, ["title"] = "Demo report", ["width"] = 640, ["height"] = 480,
        }, telemetry);

        var report = await MaterializeAsync(outputs["report"], "report");
        foreach (var file in Directory.GetFiles(cliOut))
            Assert.True(Sha256(file) == Sha256(Path.Combine(report, Path.GetFileName(file))), $"{Path.GetFileName(file)} differs from the verb's");
        Assert.Equal(4, outputs["figures"].GetValue<int>());
        var markdown = outputs["markdown"].GetValue<string>();
        Assert.StartsWith("# Demo report\n", markdown);
        Assert.Contains(table.TrimEnd(), markdown);
        Assert.Contains("![Train loss (Figure 4.5)](train-loss.png)", markdown);
        Assert.Contains("- [results.md](results.md)", markdown);
        Assert.Equal(
            ["plots/cosine-schedule.png", "plots/train-loss.png", "plots/validation-loss.png", "tables/results.md", "plots/results.png", "report.md"],
            telemetry.Paths);
        var logged = await File.ReadAllTextAsync(telemetry.Files[^1].Copy);
        Assert.Contains("![Train loss (Figure 4.5)](plots/train-loss.png)", logged);
        Assert.Contains("- [tables/results.md](tables/results.md)", logged);
        foreach (var (folder, _, copy) in telemetry.Files.Where(f => f.Folder == "plots"))
            Png.AssertValid(copy, 640, copy.EndsWith("results.png", StringComparison.Ordinal) ? Math.Max(480, 160 + 40 * 2) : 480);
    }

    [Fact]
    public async Task Report_refuses_what_is_not_an_artifact_and_names_a_broken_metrics_file()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new ReportActivity(), new() { ["metrics"] = new JsonArray(new JsonArray("a.jsonl")) }));
        Assert.Contains("input 'metrics' item 0 must be an artifact", error.Message);

        var empty = Path.Combine(_root, "empty.jsonl");
        await File.WriteAllTextAsync(empty, "");
        var emptyArtifact = await PutAsync(empty);
        var format = await Assert.ThrowsAsync<HyenaFlow.Genomics.DataFormatException>(() => RunAsync(new ReportActivity(), new() { ["metrics"] = new JsonArray(emptyArtifact) }));
        Assert.Contains("run-1.jsonl", format.Message);
        Assert.Contains("empty", format.Message);
    }

    private string WriteFasta()
    {
        var random = new Random(1);
        var text = new StringBuilder();
        foreach (var name in new[] { "chr1", "chr2", "chr3", "chr4" })
        {
            text.Append('>').Append(name).Append('\n');
            for (int line = 0; line < 100; line++)
                text.Append(new string([.. Enumerable.Range(0, 60).Select(_ => "ACGT"[random.Next(4)])])).Append('\n');
        }

        var path = Path.Combine(_root, "genome.fa");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private string WriteMetrics(string name, string arm, double accuracy)
    {
        var path = Path.Combine(_root, name);
        using var tracker = new JsonLinesTracker(path);
        tracker.LogParams(new Dictionary<string, string> { ["arm"] = arm, ["model"] = "tiny-1k", ["global_batch_size"] = "8", ["tokens_per_sequence"] = "1026", ["lr"] = "0.0006", ["t_initial"] = "40", ["warmup_t"] = "5" });
        for (int step = 1; step <= 40; step++)
        {
            tracker.LogMetric("train/loss", 0.7 / Math.Sqrt(step), step);
            tracker.LogMetric("train/lr", 0.0006 * Math.Min(1, step / 5.0), step);
        }

        tracker.LogMetric("test/loss", 0.66, 20);
        tracker.LogMetric("test/loss", 0.64, 40);
        tracker.LogMetric("test/accuracy", accuracy, 40);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await new CliApplication().RunAsync(args, output, error, showProgress: false);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<IReadOnlyDictionary<string, JsonNode>> RunAsync(IActivity activity, Dictionary<string, JsonNode> given, IStageTelemetry? telemetry = null)
    {
        var inputs = activity.Descriptor.Inputs.Where(i => i.Default is not null).ToDictionary(i => i.Name, i => i.Default!.DeepClone());
        foreach (var (name, value) in given)
            inputs[name] = value;
        var work = Directory.CreateDirectory(Path.Combine(_root, "work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var context = new ActivityContext("run", activity.Descriptor.Name, 1, work, work, _store, _ => { }, telemetry: telemetry);
        return await activity.ExecuteAsync(context, inputs, CancellationToken.None);
    }

    private async Task<JsonNode> PutAsync(string path) => ArtifactValue.Format(await _store.PutAsync(path));

    private async Task<string> MaterializeAsync(JsonNode artifact, string name)
    {
        var path = Path.Combine(_root, "out-" + Guid.NewGuid().ToString("N")[..6], name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _store.MaterializeAsync(ArtifactValue.Parse(artifact), path);
        return path;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
