using System.Diagnostics;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

/// <summary>The model verbs end to end on generated data: the same path a researcher takes, at toy sizes.</summary>
[Collection("torch")]
public sealed class ModelCommandTests
{
    [Fact]
    public async Task InfoListsTheThesisParameterCounts()
    {
        var (code, output, error) = await CliRunner.RunAsync("model", "info");
        Assert.True(code == 0, error);
        Assert.Contains("436,096", output);
        Assert.Contains("436,354", output);
        Assert.Contains("3,277,568", output);
    }

    [Fact]
    public async Task PretrainFinetuneEvaluateAndEmbedChainThroughTheirFiles()
    {
        using var dir = new TempDirectory("model-cli");
        string dataset = await BuildDatasetAsync(dir);

        var (pretrainCode, pretrainOut, pretrainError) = await CliRunner.RunAsync("model", "pretrain", "--genome", dir.File("genome.hfg"),
            "--checkpoint-dir", dir.File("pretrain"), "--steps", "4", "--length", "64", "--batch", "2", "--warmup-steps", "1", "--threads", "1");
        Assert.True(pretrainCode == 0, pretrainError);
        Assert.Contains("pre-trained tiny-1k for 4 steps", pretrainOut);
        string checkpoint = Directory.GetFiles(dir.File("pretrain"), "*.hfck").Single();

        var (tuneCode, tuneOut, tuneError) = await CliRunner.RunAsync("model", "finetune", "--dataset", dataset, "--arm", "frozen", "--init", checkpoint,
            "--checkpoint-dir", dir.File("finetune"), "--epochs", "1", "--batch", "4", "--warmup-steps", "1", "--metrics", dir.File("metrics.jsonl"), "--threads", "1");
        Assert.True(tuneCode == 0, tuneError);
        Assert.Contains("top accuracy", tuneOut);
        Assert.Contains("\"test/accuracy\"", await File.ReadAllTextAsync(dir.File("metrics.jsonl")));
        string weights = Path.Combine(dir.File("finetune"), "best.weights");
        Assert.True(File.Exists(weights));

        var (evalCode, evalOut, evalError) = await CliRunner.RunAsync("model", "evaluate", "--dataset", dataset, "--weights", weights, "--threads", "1");
        Assert.True(evalCode == 0, evalError);
        Assert.Matches(@"sequences 20\s+loss [0-9.]+\s+accuracy [0-9.]+", evalOut);
        Assert.Contains("cell lines by majority vote", evalOut);

        var (embedCode, _, embedError) = await CliRunner.RunAsync("model", "embed", "--dataset", dataset, "--weights", weights, "--out", dir.File("emb.npy"), "--threads", "1");
        Assert.True(embedCode == 0, embedError);
        Assert.Equal("(20, 128) float32", Python($"import numpy; a = numpy.load('{dir.File("emb.npy")}'); print(a.shape, a.dtype)"));
    }

    [Fact]
    public async Task ImportWritesWeightsThatTheFineTunerLoads()
    {
        using var dir = new TempDirectory("cli-model-import");
        var weights = dir.File("tiny.weights");

        var (code, stdout, error) = await CliRunner.RunAsync("model", "import", "--checkpoint", Path.Combine(HyenaFlow.Engine.Tests.Support.PublishedCheckpointFixture.Folder, "weights.ckpt"), "--out", weights);

        Assert.True(code == 0, error);
        Assert.Contains("config: tiny-1k", stdout, StringComparison.Ordinal);
        Assert.Contains($"loaded {HyenaFlow.Engine.Tests.Support.PublishedCheckpointFixture.BackboneTensors} tensors", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(weights).Length > 100_000);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task PretrainedArmWithoutInitialWeightsIsBadUsage()
    {
        var (code, _, error) = await CliRunner.RunAsync("model", "finetune", "--dataset", "nowhere", "--checkpoint-dir", "nowhere", "--arm", "frozen");
        Assert.Equal(2, code);
        Assert.Contains("needs --init", error);
    }

    private static async Task<string> BuildDatasetAsync(TempDirectory dir)
    {
        foreach (string[] args in new[]
        {
            new[] { "data", "synth", "--out", dir.File("raw"), "--seed", "3", "--profile", "demo" },
            ["genome", "import", "--fasta", dir.File("raw/genome.fna.gz"), "--out", dir.File("genome.hfg")],
            ["mutations", "import", "--mutations", dir.File("raw/OmicsSomaticMutations.csv"), "--models", dir.File("raw/Model.csv"), "--genome", dir.File("genome.hfg"), "--out", dir.File("mutations")],
            ["dataset", "build", "--genome", dir.File("genome.hfg"), "--mutations", dir.File("mutations"), "--length", "62", "--seed", "3", "--out", dir.File("dataset"), "--train-lines", "2", "--test-lines", "1", "--max-per-line", "10"],
        })
        {
            var (code, _, error) = await CliRunner.RunAsync(args);
            Assert.True(code == 0, $"{string.Join(' ', args)}: {error}");
        }

        return dir.File("dataset");
    }

    private static string Python(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
