using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelPretrainCommand : CliCommand
{
    public override string Name => "model pretrain";

    public override string Summary => "Next-token pre-training on random windows of a cleaned reference; resumes from --checkpoint-dir.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "GENOME", "Genome store from 'genome import'.", Required: true),
        new("checkpoint-dir", "DIR", "Checkpoints go here; a rerun continues from the latest.", Required: true),
        new("config", "NAME", "Model configuration.", Default: "tiny-1k"),
        new("steps", "N", "Optimiser steps.", Default: "1000"),
        new("length", "L", "Tokens per window (default: the configuration's l_max − 2)."),
        new("batch", "N", "Windows per forward pass.", Default: "8"),
        new("accumulate", "K", "Forward passes per optimiser step.", Default: "1"),
        new("lr", "RATE", "Peak learning rate.", Default: "6e-4"),
        new("warmup-steps", "N", "Linear warm-up steps.", Default: "250"),
        new("seed", "N", "Seed of the initialisation, windows and dropout.", Default: "1"),
        new("checkpoint-every", "N", "Steps between checkpoints.", Default: "200"),
        ModelOptions.Metrics, ModelOptions.Device, ModelOptions.Threads,
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ModelOptions.Apply(args);
        HyenaDnaConfig config = ModelOptions.ResolveConfig(args, tokensPerSequence: 1);
        long steps = args.GetInt64("steps", 1000);
        var options = new PretrainOptions
        {
            Steps = steps,
            SequenceLength = args.GetInt32("length", config.MaxLength - 2),
            BatchSize = args.GetInt32("batch", 8),
            AccumulationSteps = args.GetInt32("accumulate", 1),
            Schedule = new CosineWarmupSchedule { LearningRate = args.GetDouble("lr", 6e-4), WarmupSteps = args.GetInt64("warmup-steps", 250), CycleSteps = steps },
            Seed = args.GetInt64("seed", 1),
            CheckpointDirectory = args.Require("checkpoint-dir"),
            CheckpointEverySteps = args.GetInt32("checkpoint-every", 200),
            Device = args.Require("device"),
        };
        using IReferenceGenome genome = GenomeStore.Open(args.Require("genome"));
        using var model = new HyenaDnaModel(config);
        using JsonLinesTracker? metricsFile = ModelOptions.OpenMetrics(args);
        ITracker tracker = (ITracker?)metricsFile ?? NullTracker.Instance;
        PretrainResult result = Pretrainer.Run(model, new GenomeWindowSource(genome), options, tracker, ModelOptions.ProgressLines(context), cancellationToken);
        context.Out.WriteLine($"pre-trained {config.Name} for {result.Steps:N0} steps, final loss {result.FinalLoss:F4}");
        context.Out.WriteLine($"checkpoint: {result.FinalCheckpointPath}");
        return Task.FromResult(CliApplication.Ok);
    }
}
