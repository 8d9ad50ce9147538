using System.Globalization;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// Next-token pre-training on random windows from an <see cref="ITokenWindowSource"/>: each window
/// holds L + 1 tokens, the model reads the first L and is scored (cross-entropy over the tied LM head)
/// on predicting each following token. Same optimiser, schedule, clipping and checkpoints as fine-tuning;
/// windows depend only on (seed, step, micro-batch), so a resumed run draws the same ones.
/// </summary>
public static class Pretrainer
{
    public static PretrainResult Run(
        HyenaDnaModel model,
        ITokenWindowSource windows,
        PretrainOptions options,
        ITracker? tracker = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (options.SequenceLength > model.Config.MaxLength)
            throw new ArgumentException($"Sequences of {options.SequenceLength} tokens exceed the model's l_max of {model.Config.MaxLength}.", nameof(options));
        var (device, directory, latest) = options.Start();
        tracker ??= NullTracker.Instance;

        if (latest is null && options.InitializeWeights) model.InitializeWeights(options.Seed);
        foreach (var parameter in model.parameters()) parameter.requires_grad = true;
        model.to(device);
        model.train();

        using var optimizer = options.CreateOptimizer(model);
        var signature = FineTuner.Signature(model);
        var state = latest is null
            ? new TrainingState { Kind = "pretrain", Seed = options.Seed, ModelSignature = signature }
            : TrainingCheckpoint.Load(latest, model, optimizer);
        FineTuner.CheckResumable(latest, state, signature, options.Seed, "pretrain");
        optimizer.Step = state.Step;
        LogStart(tracker, options, model, latest);

        var length = options.SequenceLength;
        var meter = new ThroughputMeter(model, length, options.BatchSize, state.Step, options.Steps,
            progress is null ? null : options.PeakFlopsPerSecond ?? PeakFlops.Of(device));
        var buffer = new long[options.BatchSize * (length + 1)];
        var windowSeed = DataOrder.DeriveSeed(options.Seed, 0x57494E444F57); // apart from the dropout seeds
        var lastLoss = state.LastLoss;
        var lastCheckpoint = latest;

        while (optimizer.Step < options.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            optimizer.ZeroGrad();
            var stepLoss = 0.0;
            for (var k = 0; k < options.AccumulationSteps; k++)
            {
                using var scope = NewDisposeScope();
                manual_seed(DataOrder.DeriveSeed(DataOrder.DeriveSeed(options.Seed, optimizer.Step), k));
                windows.Fill(buffer, options.BatchSize, length + 1, DataOrder.DeriveSeed(DataOrder.DeriveSeed(windowSeed, optimizer.Step), k));
                var tokens = TokenBatch.ToDevice(tensor(buffer, [options.BatchSize, length + 1]), device);
                var logits = model.LmLogits(tokens.narrow(1, 0, length));
                var targets = tokens.narrow(1, 1, length);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));
                (loss / options.AccumulationSteps).backward();
                stepLoss += loss.item<float>();
                meter.Count((long)options.BatchSize * length);
            }
            stepLoss /= options.AccumulationSteps;
            lastLoss = stepLoss;
            var (rate, norm) = optimizer.Apply();
            tracker.LogMetric("train/loss", stepLoss, optimizer.Step);
            tracker.LogMetric("train/lr", rate, optimizer.Step);
            if (!double.IsNaN(norm)) tracker.LogMetric("train/grad_norm", norm, optimizer.Step);

            state = state with { Step = optimizer.Step, LastLoss = lastLoss, Finished = optimizer.Step == options.Steps };
            if (directory is not null && (optimizer.Step % options.CheckpointEverySteps == 0 || state.Finished))
                lastCheckpoint = TrainingCheckpoint.Save(directory, state, model, optimizer, options.KeepCheckpoints);
            if (progress is not null && (optimizer.Step % options.LogEverySteps == 0 || state.Finished))
                progress.Report(meter.Report(optimizer.Step, 0, stepLoss, rate, norm));
        }

        return new PretrainResult(optimizer.Step, lastLoss, lastCheckpoint);
    }

    private static void LogStart(ITracker tracker, PretrainOptions options, HyenaDnaModel model, string? resumedFrom)
    {
        string S(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
        tracker.LogParams(new Dictionary<string, string>
        {
            ["model"] = model.Config.Name,
            ["parameters"] = S(model.ParameterCount),
            ["steps"] = S(options.Steps),
            ["sequence_length"] = S(options.SequenceLength),
            ["batch_size"] = S(options.BatchSize),
            ["accumulation_steps"] = S(options.AccumulationSteps),
            ["lr"] = S(options.Schedule.LearningRate),
            ["weight_decay"] = S(options.WeightDecay),
            ["t_initial"] = S(options.Schedule.CycleSteps),
            ["lr_min"] = S(options.Schedule.MinLearningRate),
            ["warmup_lr_init"] = S(options.Schedule.WarmupInitialLearningRate),
            ["warmup_t"] = S(options.Schedule.WarmupSteps),
            ["gradient_clip"] = S(options.GradientClip),
            ["seed"] = S(options.Seed),
            ["device"] = options.Device,
        });
        tracker.SetTag("kind", "pretrain");
        if (resumedFrom is not null) tracker.SetTag("resumed_from", Path.GetFileName(resumedFrom));
    }
}
