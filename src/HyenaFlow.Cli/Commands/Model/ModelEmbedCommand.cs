using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Genomics;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelEmbedCommand : CliCommand
{
    public override string Name => "model embed";

    public override string Summary => "Mean-pooled backbone embeddings of a dataset split, streamed to a float32 .npy (n × d).";

    public override IReadOnlyList<OptionSpec> Options =>
        ModelOptions.Inference("Model weights (a pre-trained checkpoint in any format HyenaFlow reads).", new OptionSpec("out", "FILE", "The .npy to write.", Required: true));

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var (data, model) = ModelOptions.OpenForInference(args, context);
        using var dataset = data;
        using var encoder = model;
        string output = args.Require("out");
        IProgress<ProgressReport> bar = context.Progress("embed");
        long rows = Embedder.Embed(model, data, output, args.GetInt32("batch", 8), TorchSettings.SelectDevice(args.Require("device")),
            new Progress<long>(done => bar.Report(new ProgressReport("", done, data.Count, "seq"))), cancellationToken);
        context.Out.WriteLine($"wrote {rows:N0} × {model.Config.ModelWidth} embeddings to {output}");
        return Task.FromResult(CliApplication.Ok);
    }
}
