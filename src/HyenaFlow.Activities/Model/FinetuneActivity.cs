using System.Text.Json.Nodes;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>
/// finetune@1: trains a classifier as `hyenaflow model finetune` does. Checkpoints (and the metrics log) live in
/// the stage's checkpoint folder, which survives attempts and crashes, so a killed stage continues from its last
/// checkpoint instead of starting over.
/// </summary>
public sealed class FinetuneActivity : IActivity
{
    public sealed record Input(
        TrainingArm Arm,
        string? Config,
        int Epochs,
        int? Batch,
        int Accumulate,
        double LearningRate,
        long WarmupSteps,
        long? CycleSteps,
        int? Patience,
        long Seed,
        string Device)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs)
        {
            var arm = InputValues.String(inputs, "arm");
            var cycle = InputValues.Int64(inputs, "cycle-steps");
            return new Input(
                Enum.TryParse<TrainingArm>(arm, ignoreCase: true, out var parsed) ? parsed : throw new InvalidDataException($"input 'arm' must be pretrained, random or frozen, got '{arm}'"),
                InputValues.OptionalString(inputs, "config"),
                InputValues.Int32(inputs, "epochs", minimum: 1),
                InputValues.Int32(inputs, "batch", minimum: 0) is var b and > 0 ? b : null,
                InputValues.Int32(inputs, "accumulate", minimum: 1),
                InputValues.Double(inputs, "lr"),
                InputValues.Int64(inputs, "warmup-steps"),
                cycle > 0 ? cycle : null,
                InputValues.Int32(inputs, "patience", minimum: 0) is var p and > 0 ? p : null,
                InputValues.Int64(inputs, "seed"),
                InputValues.String(inputs, "device"));
        }
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "finetune", "1", "model", "Fine-tune a HyenaDNA classifier on a dataset (arms: pretrained, random, frozen); resumes from its checkpoints.",
        [
            new InputDescriptor("dataset", DataType.Artifact, true, null, "dataset from build-dataset"),
            new InputDescriptor("arm", DataType.String, false, JsonValue.Create("pretrained"), "pretrained (from init), random (official initialisation) or frozen (init, backbone fixed)"),
            new InputDescriptor("init", DataType.Artifact, false, null, "starting weights for the pretrained and frozen arms (a pretrain checkpoint or a published HyenaDNA checkpoint)"),
            ModelSetup.ConfigInput,
            new InputDescriptor("epochs", DataType.Integer, false, JsonValue.Create(20), "epochs"),
            new InputDescriptor("batch", DataType.Integer, false, JsonValue.Create(0), "sequences per forward pass; 0: 8 at 1K, 2 at 32K as in the thesis"),
            new InputDescriptor("accumulate", DataType.Integer, false, JsonValue.Create(1), "forward passes per optimiser step"),
            new InputDescriptor("lr", DataType.Number, false, JsonValue.Create(6e-4), "peak learning rate"),
            new InputDescriptor("warmup-steps", DataType.Integer, false, JsonValue.Create(250), "linear warm-up steps"),
            new InputDescriptor("cycle-steps", DataType.Integer, false, JsonValue.Create(0), "cosine length in steps; 0: the whole run"),
            new InputDescriptor("patience", DataType.Integer, false, JsonValue.Create(0), "stop after N evaluations without a better accuracy; 0: never"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(1), "seed of the initialisation, data order and dropout"),
            ModelSetup.DeviceInput,
        ],
        [
            new OutputDescriptor("weights", DataType.Artifact, "weights of the best epoch (best.weights)"),
            new OutputDescriptor("best-accuracy", DataType.Number, "top test accuracy"),
            new OutputDescriptor("best-epoch", DataType.Integer, "1-based epoch of the top accuracy"),
            new OutputDescriptor("epochs", DataType.Integer, "epochs run"),
            new OutputDescriptor("metrics", DataType.Object, "best accuracy, epochs and the last epoch's test figures"),
            new OutputDescriptor("metrics-log", DataType.Artifact, "every metric as JSON lines"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var initGiven = InputValues.IsSet(inputs, "init") && InputValues.OptionalString(inputs, "init") is not null;
        if (input.Arm != TrainingArm.Random && !initGiven)
            throw new InvalidDataException($"arm {input.Arm.ToString().ToLowerInvariant()} needs the input 'init' with the starting weights (or use arm random)");
        var datasetPath = await context.MaterializeAsync(inputs["dataset"], "dataset", cancellationToken).ConfigureAwait(false);
        var init = input.Arm == TrainingArm.Random || !initGiven
            ? null
            : await ModelSetup.MaterializeWeightsAsync(context, inputs["init"], "init", cancellationToken).ConfigureAwait(false);
        var metricsPath = Path.Combine(context.CheckpointDirectory, "metrics.jsonl");

        var (result, config) = await Task.Run(() => Train(context, input, datasetPath, init, metricsPath, cancellationToken), cancellationToken).ConfigureAwait(false);
        var weights = result.BestWeightsPath ?? throw new InvalidDataException("fine-tuning evaluated no epoch, so it has no best weights");
        var last = result.Epochs.Count > 0 ? result.Epochs[^1] : null;
        var metrics = new JsonObject
        {
            ["arm"] = input.Arm.ToString().ToLowerInvariant(),
            ["config"] = config.Name,
            ["best-accuracy"] = OutputValues.Number(result.BestAccuracy),
            ["best-epoch"] = result.BestEpoch + 1,
            ["epochs"] = result.Epochs.Count,
            ["steps"] = result.Steps,
            ["loss"] = OutputValues.Number(last?.TestLoss),
            ["accuracy"] = OutputValues.Number(last?.TestAccuracy),
            ["auroc"] = OutputValues.Number(last?.TestAuroc),
            ["cell-line-accuracy"] = OutputValues.Number(last?.TestCellLineAccuracy),
        };
        context.Log($"{config.Name}, arm {input.Arm.ToString().ToLowerInvariant()}: {result.Steps} steps, top accuracy {result.BestAccuracy:F4} (epoch {result.BestEpoch + 1})");
        await TrainingReports.LogTrainingAsync(context, metricsPath, $"{config.Name} {input.Arm.ToString().ToLowerInvariant()}", cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode>
        {
            ["weights"] = await context.PutArtifactAsync(weights, cancellationToken).ConfigureAwait(false),
            ["best-accuracy"] = JsonValue.Create(result.BestAccuracy),
            ["best-epoch"] = JsonValue.Create(result.BestEpoch + 1),
            ["epochs"] = JsonValue.Create(result.Epochs.Count),
            ["metrics"] = metrics,
            ["metrics-log"] = await context.PutArtifactAsync(metricsPath, cancellationToken).ConfigureAwait(false),
        };
    }

    private static (FineTuneResult Result, HyenaDnaConfig Config) Train(ActivityContext context, Input input, string datasetPath, string? init, string metricsPath, CancellationToken cancellationToken)
    {
        ModelSetup.ApplyThreads();
        using var train = ShardedDataset.Open(datasetPath, Split.Train);
        using var test = ShardedDataset.Open(datasetPath, Split.Test);
        var config = ModelSetup.ResolveConfig(input.Config, train.TokensPerSequence);
        var batch = input.Batch ?? (config.MaxLength > 1_026 ? 2 : 8);
        var stepsPerEpoch = (train.Count + ((long)batch * input.Accumulate) - 1) / ((long)batch * input.Accumulate);
        var totalSteps = Math.Max(1, stepsPerEpoch * input.Epochs);
        var options = new FineTuneOptions
        {
            Arm = input.Arm,
            Epochs = input.Epochs,
            BatchSize = batch,
            AccumulationSteps = input.Accumulate,
            Schedule = new CosineWarmupSchedule
            {
                LearningRate = input.LearningRate,
                WarmupSteps = input.WarmupSteps,
                CycleSteps = input.CycleSteps ?? totalSteps,
            },
            Patience = input.Patience,
            Seed = input.Seed,
            CheckpointDirectory = context.CheckpointDirectory,
            Device = input.Device,
        };
        using var model = init is null ? new HyenaDnaModel(config, train.ClassCount) : ModelSetup.LoadModel(config, train.ClassCount, init, context);
        using var file = new JsonLinesTracker(metricsPath);
        var tracker = new StageMetricsTracker(context, file);
        var progress = new CallbackProgress<TrainingProgress>(p => context.Progress.Report(p.TotalSteps > 0 ? Math.Clamp((double)p.Step / p.TotalSteps, 0, 1) : 0));
        return (FineTuner.Run(model, train, test, options, tracker, progress, cancellationToken), config);
    }
}
