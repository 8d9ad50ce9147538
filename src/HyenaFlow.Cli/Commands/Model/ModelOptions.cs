using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Cli.Commands.Model;

/// <summary>Options and steps every <c>model</c> verb shares: device, threads, configuration and weights.</summary>
internal static class ModelOptions
{
    public static readonly OptionSpec Device = new("device", "cpu|cuda|auto", "Where to compute; auto picks CUDA when LibTorch has it.", Default: "cpu");
    public static readonly OptionSpec Threads = new("threads", "N", "CPU threads for LibTorch (default: HYENAFLOW_THREADS, else 1).");
    public static readonly OptionSpec Config = new("config", "NAME", "Model configuration: tiny-1k, small-32k, medium-160k, medium-450k, large-1m (default: the smallest that fits the data).");
    public static readonly OptionSpec Batch = new("batch", "N", "Sequences per forward pass.");
    public static readonly OptionSpec Metrics = new("metrics", "FILE", "Also append every metric as JSON lines to FILE.");

    public static int ThreadCount(ParsedArguments args)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("HYENAFLOW_THREADS");
        int fallback = int.TryParse(fromEnvironment, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1;
        int threads = args.GetInt32("threads", fallback);
        return threads >= 1 ? threads : throw new UsageException($"--threads must be at least 1, got {threads}.");
    }

    /// <summary>The named configuration, or the smallest whose context holds <paramref name="tokensPerSequence"/>.</summary>
    public static HyenaDnaConfig ResolveConfig(ParsedArguments args, int tokensPerSequence)
    {
        if (args.Get("config") is { } name)
        {
            HyenaDnaConfig config = HyenaDnaConfig.Named.FirstOrDefault(c => c.Name == name)
                ?? throw new UsageException($"--config expects one of {string.Join(", ", HyenaDnaConfig.Named.Select(c => c.Name))}, got '{name}'.");
            return config.MaxLength >= tokensPerSequence
                ? config
                : throw new UsageException($"--config {name} holds {config.MaxLength:N0} tokens but the data have {tokensPerSequence:N0} per sequence.");
        }

        return HyenaDnaConfig.Named.FirstOrDefault(c => c.MaxLength >= tokensPerSequence)
            ?? throw new UsageException($"No configuration holds {tokensPerSequence:N0} tokens per sequence.");
    }

    /// <summary>Builds a classifier and loads <paramref name="weightsPath"/> into it (any format HyenaFlow reads).</summary>
    public static HyenaDnaModel LoadClassifier(HyenaDnaConfig config, int classes, string weightsPath, TextWriter log)
    {
        if (!File.Exists(weightsPath) && !Directory.Exists(weightsPath))
        {
            throw new IOException($"{weightsPath}: no such weights file.");
        }

        var model = new HyenaDnaModel(config, classes);
        log.WriteLine($"weights: {PretrainedWeights.Load(weightsPath, model)}");
        return model;
    }

    /// <summary>The options of a verb that runs a trained model over one split of a dataset.</summary>
    public static IReadOnlyList<OptionSpec> Inference(string weightsDescription, params OptionSpec[] more) =>
    [
        new("dataset", "DIR", "Dataset from 'dataset build'.", Required: true),
        new("weights", "PATH", weightsDescription, Required: true),
        .. more,
        new("split", "train|test|embedding", "Which split.", Default: "test"),
        Config, Batch, Device, Threads,
    ];

    /// <summary>Applies the thread setting, opens the split and loads the model that fits it.</summary>
    public static (ShardedDataset Data, HyenaDnaModel Model) OpenForInference(ParsedArguments args, CliContext context)
    {
        Apply(args);
        var data = ShardedDataset.Open(args.Require("dataset"), args.GetEnum("split", Split.Test));
        try
        {
            HyenaDnaConfig config = ResolveConfig(args, data.TokensPerSequence);
            return (data, LoadClassifier(config, data.ClassCount, args.Require("weights"), context.Error));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public static JsonLinesTracker? OpenMetrics(ParsedArguments args) => args.Get("metrics") is { } path ? new JsonLinesTracker(path) : null;

    public static void Apply(ParsedArguments args) => TorchSettings.UseThreads(ThreadCount(args));

    /// <summary>Training progress as one line per report on stderr.</summary>
    public static IProgress<TrainingProgress> ProgressLines(CliContext context) =>
        new CallbackProgress<TrainingProgress>(p => context.Error.WriteLine(p.ToString()));
}
