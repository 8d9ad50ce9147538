using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelFinetuneCommand : CliCommand
{
    public override string Name => "model finetune";

    public override string Summary => "Fine-tune a classifier on a dataset (arms: pretrained, random, frozen); resumes from --checkpoint-dir.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("dataset", "DIR", "Dataset from 'dataset build'.", Required: true),
        new("checkpoint-dir", "DIR", "Checkpoints and best.weights go here; a rerun continues from the latest.", Required: true),
        new("arm", "pretrained|random|frozen", "How the model starts: from --init, from the official random initialisation, or from --init with the backbone fixed.", Default: "pretrained"),
        new("init", "PATH", "Starting weights for the pretrained and frozen arms (.hfck, .weights or a published checkpoint)."),
        ModelOptions.Config,
        new("epochs", "N", "Epochs.", Default: "20"),
        new("batch", "N", "Sequences per forward pass (default 8 at 1K, 2 at 32K as in the thesis)."),
        new("accumulate", "K", "Forward passes per optimiser step.", Default: "1"),
        new("lr", "RATE", "Peak learning rate.", Default: "6e-4"),
        new("warmup-steps", "N", "Linear warm-up steps (timm warmup_t).", Default: "250"),
        new("cycle-steps", "N", "Cosine length in steps (timm t_initial; default: the whole run)."),
        new("patience", "N", "Stop after N evaluations without a better accuracy."),
        new("seed", "N", "Seed of the initialisation, data order and dropout.", Default: "1"),
        ModelOptions.Metrics, ModelOptions.Device, ModelOptions.Threads,
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ModelOptions.Apply(args);
        TrainingArm arm = args.GetEnum("arm", TrainingArm.Pretrained);
        string? init = args.Get("init");
        if (arm != TrainingArm.Random && init is null)
        {
            throw new UsageException($"--arm {arm.ToString().ToLowerInvariant()} needs --init with the starting weights (or use --arm random).");
        }

        using var train = ShardedDataset.Open(args.Require("dataset"), Split.Train);
        using var test = ShardedDataset.Open(args.Require("dataset"), Split.Test);
        HyenaDnaConfig config = ModelOptions.ResolveConfig(args, train.TokensPerSequence);
        int batch = args.GetInt32("batch", config.MaxLength > 1_026 ? 2 : 8);
        int epochs = args.GetInt32("epochs", 20);
        int accumulate = args.GetInt32("accumulate", 1);
        long stepsPerEpoch = (train.Count + ((long)batch * accumulate) - 1) / ((long)batch * accumulate);
        var options = new FineTuneOptions
        {
            Arm = arm,
            Epochs = epochs,
            BatchSize = batch,
            AccumulationSteps = accumulate,
            Schedule = new CosineWarmupSchedule
            {
                LearningRate = args.GetDouble("lr", 6e-4),
                WarmupSteps = args.GetInt64("warmup-steps", 250),
                CycleSteps = args.GetInt64("cycle-steps", Math.Max(1, stepsPerEpoch * epochs)),
            },
            Patience = args.Has("patience") ? args.GetInt32("patience", 0) : null,
            Seed = args.GetInt64("seed", 1),
            CheckpointDirectory = args.Require("checkpoint-dir"),
            Device = args.Require("device"),
        };

        using var model = init is null
            ? new HyenaDnaModel(config, train.ClassCount)
            : ModelOptions.LoadClassifier(config, train.ClassCount, init, context.Error);
        using JsonLinesTracker? metricsFile = ModelOptions.OpenMetrics(args);
        FineTuneResult result = FineTuner.Run(model, train, test, options, (ITracker?)metricsFile ?? NullTracker.Instance, ModelOptions.ProgressLines(context), cancellationToken);
        WriteSummary(context.Out, config, arm, result);
        return Task.FromResult(CliApplication.Ok);
    }

    private static void WriteSummary(TextWriter output, HyenaDnaConfig config, TrainingArm arm, FineTuneResult result)
    {
        output.WriteLine($"{config.Name}, arm {arm.ToString().ToLowerInvariant()}: {result.Steps:N0} steps{(result.StoppedEarly ? ", stopped early" : "")}");
        output.WriteLine("epoch  step  train_loss  test_loss  test_acc  test_auroc  cell_line_acc");
        foreach (EpochMetrics e in result.Epochs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Epoch + 1,5}  {e.Step,4}  {e.TrainLoss,10:F4}  {Format(e.TestLoss),9}  {Format(e.TestAccuracy),8}  {Format(e.TestAuroc),10}  {Format(e.TestCellLineAccuracy),13}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top accuracy {result.BestAccuracy:F4} (epoch {result.BestEpoch + 1})"));
        if (result.BestWeightsPath is not null)
        {
            output.WriteLine($"best weights: {result.BestWeightsPath}");
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";
}
