using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelEmbedCommand : CliCommand
{
    public override string Name => "model embed";

    public override string Summary => "Mean-pooled backbone embeddings of a dataset split, streamed to a float32 .npy (n × d).";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("dataset", "DIR", "Dataset from 'dataset build'.", Required: true),
        new("weights", "PATH", "Model weights (a pre-trained checkpoint in any format HyenaFlow reads).", Required: true),
        new("out", "FILE", "The .npy to write.", Required: true),
        new("split", "train|test|embedding", "Which split.", Default: "test"),
        ModelOptions.Config, ModelOptions.Batch, ModelOptions.Device, ModelOptions.Threads,
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ModelOptions.Apply(args);
        using var data = ShardedDataset.Open(args.Require("dataset"), args.GetEnum("split", Split.Test));
        var config = ModelOptions.ResolveConfig(args, data.TokensPerSequence);
        using var model = ModelOptions.LoadClassifier(config, data.ClassCount, args.Require("weights"), context.Error);
        string output = args.Require("out");
        IProgress<ProgressReport> bar = context.Progress("embed");
        long rows = Embedder.Embed(model, data, output, args.GetInt32("batch", 8), TorchSettings.SelectDevice(args.Require("device")),
            new Progress<long>(done => bar.Report(new ProgressReport("", done, data.Count, "seq"))), cancellationToken);
        context.Out.WriteLine($"wrote {rows:N0} × {config.ModelWidth} embeddings to {output}");
        return Task.FromResult(CliApplication.Ok);
    }
}
