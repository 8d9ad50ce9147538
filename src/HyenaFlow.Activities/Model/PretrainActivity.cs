using System.Text.Json.Nodes;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>pretrain@1: next-token pre-training on random windows of a genome store, as `hyenaflow model pretrain`
/// runs it; checkpoints in the stage's checkpoint folder, so a killed stage resumes.</summary>
public sealed class PretrainActivity : IActivity
{
    public sealed record Input(string ConfigName, long Steps, int? Length, int Batch, int Accumulate, double LearningRate, long WarmupSteps, long Seed, int CheckpointEvery, string Device)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs) => new(
            InputValues.String(inputs, "config"),
            InputValues.Int32(inputs, "steps", minimum: 1),
            InputValues.Int32(inputs, "length", minimum: 0) is var l and > 0 ? l : null,
            InputValues.Int32(inputs, "batch", minimum: 1),
            InputValues.Int32(inputs, "accumulate", minimum: 1),
            InputValues.Double(inputs, "lr"),
            InputValues.Int64(inputs, "warmup-steps"),
            InputValues.Int64(inputs, "seed"),
            InputValues.Int32(inputs, "checkpoint-every", minimum: 1),
            InputValues.String(inputs, "device"));
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "pretrain", "1", "model", "Next-token pre-training of a HyenaDNA backbone on random windows of a genome store; resumes from its checkpoints.",
        [
            new InputDescriptor("genome", DataType.Artifact, true, null, "genome store from import-genome"),
            new InputDescriptor("config", DataType.String, false, JsonValue.Create("tiny-1k"), "model configuration"),
            new InputDescriptor("steps", DataType.Integer, false, JsonValue.Create(1000), "optimiser steps"),
            new InputDescriptor("length", DataType.Integer, false, JsonValue.Create(0), "tokens per window; 0: the configuration's l_max − 2"),
            new InputDescriptor("batch", DataType.Integer, false, JsonValue.Create(8), "windows per forward pass"),
            new InputDescriptor("accumulate", DataType.Integer, false, JsonValue.Create(1), "forward passes per optimiser step"),
            new InputDescriptor("lr", DataType.Number, false, JsonValue.Create(6e-4), "peak learning rate"),
            new InputDescriptor("warmup-steps", DataType.Integer, false, JsonValue.Create(250), "linear warm-up steps"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(1), "seed of the initialisation, windows and dropout"),
            new InputDescriptor("checkpoint-every", DataType.Integer, false, JsonValue.Create(200), "steps between checkpoints"),
            ModelSetup.DeviceInput,
        ],
        [
            new OutputDescriptor("weights", DataType.Artifact, "the final checkpoint (.hfck), the pretrained arm's starting weights"),
            new OutputDescriptor("final-loss", DataType.Number, "training loss of the last step"),
            new OutputDescriptor("steps", DataType.Integer, "optimiser steps done"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var config = ModelSetup.ResolveConfig(input.ConfigName, tokensPerSequence: 1);
        var genomePath = await context.MaterializeAsync(inputs["genome"], "genome.hfg", cancellationToken).ConfigureAwait(false);
        var options = new PretrainOptions
        {
            Steps = input.Steps,
            SequenceLength = input.Length ?? config.MaxLength - 2,
            BatchSize = input.Batch,
            AccumulationSteps = input.Accumulate,
            Schedule = new CosineWarmupSchedule { LearningRate = input.LearningRate, WarmupSteps = input.WarmupSteps, CycleSteps = input.Steps },
            Seed = input.Seed,
            CheckpointDirectory = context.CheckpointDirectory,
            CheckpointEverySteps = input.CheckpointEvery,
            Device = input.Device,
        };
        var metricsPath = Path.Combine(context.CheckpointDirectory, "metrics.jsonl");
        var result = await Task.Run(() =>
        {
            ModelSetup.ApplyThreads();
            using IReferenceGenome genome = GenomeStore.Open(genomePath);
            using var model = new HyenaDnaModel(config);
            using var file = new JsonLinesTracker(metricsPath);
            var tracker = new StageMetricsTracker(context, file);
            var progress = new CallbackProgress<TrainingProgress>(p => context.Progress.Report(p.TotalSteps > 0 ? Math.Clamp((double)p.Step / p.TotalSteps, 0, 1) : 0));
            return Pretrainer.Run(model, new GenomeWindowSource(genome), options, tracker, progress, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        var checkpoint = result.FinalCheckpointPath ?? throw new InvalidDataException("pre-training wrote no checkpoint");
        context.Log($"pre-trained {config.Name} for {result.Steps} steps, final loss {result.FinalLoss:F4}");
        await TrainingReports.LogTrainingAsync(context, metricsPath, $"{config.Name} pre-training", cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode>
        {
            ["weights"] = await context.PutArtifactAsync(checkpoint, cancellationToken).ConfigureAwait(false),
            ["final-loss"] = OutputValues.Number(result.FinalLoss) ?? JsonValue.Create(0.0),
            ["steps"] = JsonValue.Create(result.Steps),
        };
    }
}
