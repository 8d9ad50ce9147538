using System.Globalization;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tracking;
using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// Fine-tunes a classifier on tokenized sequences for every arm of the thesis: AdamW in the official
/// groups, timm cosine schedule with warm-up per optimiser step, gradient clipping, accumulation to a
/// global batch, evaluation every few epochs with the best accuracy kept, optional early stop, and
/// checkpoints from which a run resumes as if never interrupted.
/// </summary>
public static class FineTuner
{
    public const string BestWeightsFile = "best.weights";

    public static FineTuneResult Run(
        HyenaDnaModel model,
        ISequenceDataset trainData,
        ISequenceDataset testData,
        FineTuneOptions options,
        ITracker? tracker = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var classes = model.ClassCount ?? throw new ArgumentException("Fine-tuning needs a model with a classification head.", nameof(model));
        if (trainData.ClassCount > classes || testData.ClassCount > classes)
            throw new ArgumentException($"The data have {Math.Max(trainData.ClassCount, testData.ClassCount)} classes but the model's head only {classes}.");
        var (device, directory, latest) = options.Start();
        tracker ??= NullTracker.Instance;

        if (latest is null && options.Arm == TrainingArm.Random) model.InitializeWeights(options.Seed);
        foreach (var (name, parameter) in model.named_parameters())
            parameter.requires_grad = options.Arm != TrainingArm.Frozen || !name.StartsWith("backbone.", StringComparison.Ordinal);
        model.to(device);
        model.train();

        using var optimizer = options.CreateOptimizer(model);
        var signature = Signature(model);
        var state = latest is null
            ? new TrainingState { Kind = "finetune", Seed = options.Seed, EpochOrderState = DataOrder.FromSeed(options.Seed).State, ModelSignature = signature }
            : TrainingCheckpoint.Load(latest, model, optimizer);
        CheckResumable(latest, state, signature, options.Seed, "finetune");
        optimizer.Step = state.Step;

        var width = trainData.TokensPerSequence;
        var batches = (trainData.Count + options.BatchSize - 1) / options.BatchSize;
        var stepsPerEpoch = (batches + options.AccumulationSteps - 1) / options.AccumulationSteps;
        var totalSteps = stepsPerEpoch * options.Epochs;
        LogStart(tracker, options, model, trainData, testData, totalSteps, latest);
        var meter = new ThroughputMeter(model, width, options.BatchSize, state.Step, totalSteps,
            progress is null ? null : options.PeakFlopsPerSecond ?? PeakFlops.Of(device));

        string? lastCheckpoint = latest;
        string? bestWeights = directory is not null && File.Exists(Path.Combine(directory, BestWeightsFile)) ? Path.Combine(directory, BestWeightsFile) : null;
        EvaluationReport? lastEvaluation = null;
        var order = new DataOrder(state.EpochOrderState);

        while (!state.Finished && state.Epoch < options.Epochs)
        {
            var epoch = state.Epoch;
            var epochOrderState = order.State;
            var permutation = order.Permutation(trainData.Count);
            var batch = state.NextBatch;
            var lossSum = state.EpochLossSum;
            var lossCount = state.EpochLossCount;

            while (batch < batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var groupSize = (int)Math.Min(options.AccumulationSteps, batches - batch);
                optimizer.ZeroGrad();
                var groupLoss = 0.0;
                for (var k = 0; k < groupSize; k++)
                {
                    using var scope = NewDisposeScope();
                    manual_seed(DataOrder.DeriveSeed(DataOrder.DeriveSeed(options.Seed, optimizer.Step), k));
                    var first = (batch + k) * options.BatchSize;
                    var rows = permutation.AsSpan((int)first, (int)Math.Min(options.BatchSize, trainData.Count - first));
                    var (ids, labels) = TokenBatch.Gather(trainData, rows, device);
                    var loss = nn.functional.cross_entropy(model.ClassLogits(ids), labels);
                    (loss / groupSize).backward();
                    var value = loss.item<float>();
                    groupLoss += value;
                    lossSum += value;
                    lossCount++;
                    meter.Count((long)rows.Length * width);
                }
                batch += groupSize;
                var (rate, norm) = optimizer.Apply();
                var stepLoss = groupLoss / groupSize;
                tracker.LogMetric("train/loss", stepLoss, optimizer.Step);
                tracker.LogMetric("train/lr", rate, optimizer.Step);
                if (!double.IsNaN(norm)) tracker.LogMetric("train/grad_norm", norm, optimizer.Step);

                state = state with { Step = optimizer.Step, Epoch = epoch, NextBatch = batch, EpochOrderState = epochOrderState, EpochLossSum = lossSum, EpochLossCount = lossCount };
                if (directory is not null && optimizer.Step % options.CheckpointEverySteps == 0 && batch < batches)
                    lastCheckpoint = TrainingCheckpoint.Save(directory, state, model, optimizer, options.KeepCheckpoints);
                if (progress is not null && optimizer.Step % options.LogEverySteps == 0)
                    progress.Report(meter.Report(optimizer.Step, epoch, stepLoss, rate, norm));
            }

            var trainLoss = lossCount == 0 ? double.NaN : lossSum / lossCount;
            tracker.LogMetric("train/epoch_loss", trainLoss, optimizer.Step);
            tracker.LogMetric("epoch", epoch + 1, optimizer.Step);
            var metrics = new EpochMetrics(epoch, optimizer.Step, trainLoss, options.Schedule.At(Math.Max(optimizer.Step - 1, 0)));
            var (best, bestEpoch, patienceUsed, stop) = (state.BestAccuracy, state.BestEpoch, state.EvaluationsWithoutImprovement, false);
            var last = epoch == options.Epochs - 1;
            if ((epoch + 1) % options.EvaluateEveryEpochs == 0 || last)
            {
                lastEvaluation = Evaluator.Evaluate(model, testData, options.BatchSize, device, cancellationToken);
                foreach (var (key, value) in lastEvaluation.AsMetrics("test/")) tracker.LogMetric(key, value, optimizer.Step);
                metrics = metrics with
                {
                    TestLoss = lastEvaluation.Loss,
                    TestAccuracy = lastEvaluation.Accuracy,
                    TestAuroc = lastEvaluation.Auroc,
                    TestCellLineAccuracy = lastEvaluation.CellLineAccuracy,
                };
                if (double.IsNaN(best) || lastEvaluation.Accuracy > best)
                {
                    (best, bestEpoch, patienceUsed) = (lastEvaluation.Accuracy, epoch, 0);
                    if (directory is not null) bestWeights = SaveWeights(model, Path.Combine(directory, BestWeightsFile));
                    tracker.LogMetric("test/best_accuracy", best, optimizer.Step);
                }
                else
                {
                    patienceUsed++;
                    stop = options.Patience is { } patience && patienceUsed >= patience;
                }
            }

            state = state with
            {
                Step = optimizer.Step,
                Epoch = epoch + 1,
                NextBatch = 0,
                EpochOrderState = order.State,
                EpochLossSum = 0,
                EpochLossCount = 0,
                BestAccuracy = best,
                BestEpoch = bestEpoch,
                EvaluationsWithoutImprovement = patienceUsed,
                History = [.. state.History, metrics],
                Finished = last || stop,
                StoppedEarly = stop,
            };
            if (directory is not null) lastCheckpoint = TrainingCheckpoint.Save(directory, state, model, optimizer, options.KeepCheckpoints);
        }

        if (state.StoppedEarly) tracker.SetTag("stopped_early", "true");
        return new FineTuneResult(state.BestAccuracy, state.BestEpoch, state.History, state.Step, state.StoppedEarly, lastCheckpoint, bestWeights, lastEvaluation);
    }

    internal static string Signature(HyenaDnaModel model)
    {
        var c = model.Config;
        return FormattableString.Invariant($"{c.Name} d={c.ModelWidth} layers={c.LayerCount} inner={c.MlpWidth} lmax={c.MaxLength} vocab={c.PaddedVocabSize} classes={model.ClassCount?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
    }

    internal static void CheckResumable(string? checkpoint, TrainingState state, string signature, long seed, string kind)
    {
        if (checkpoint is null) return;
        if (state.Kind != kind)
            throw new InvalidDataException($"{checkpoint} is a {state.Kind} checkpoint; this run is {kind}. Use another checkpoint directory.");
        if (state.ModelSignature != signature)
            throw new InvalidDataException($"{checkpoint} holds a model '{state.ModelSignature}'; this run trains '{signature}'.");
        if (state.Seed != seed)
            throw new InvalidDataException($"{checkpoint} was written by a run with seed {state.Seed}; resuming with seed {seed} would not continue it. Use seed {state.Seed} or another checkpoint directory.");
    }

    private static string SaveWeights(HyenaDnaModel model, string path)
    {
        WeightsFile.Save(model, path);
        return path;
    }

    private static void LogStart(ITracker tracker, FineTuneOptions options, HyenaDnaModel model, ISequenceDataset train, ISequenceDataset test, long totalSteps, string? resumedFrom)
    {
        string S(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
        tracker.LogParams(new Dictionary<string, string>
        {
            ["arm"] = options.Arm.ToString().ToLowerInvariant(),
            ["model"] = model.Config.Name,
            ["parameters"] = S(model.ParameterCount),
            ["epochs"] = S(options.Epochs),
            ["batch_size"] = S(options.BatchSize),
            ["accumulation_steps"] = S(options.AccumulationSteps),
            ["global_batch_size"] = S(options.BatchSize * options.AccumulationSteps),
            ["lr"] = S(options.Schedule.LearningRate),
            ["weight_decay"] = S(options.WeightDecay),
            ["betas"] = FormattableString.Invariant($"{options.Beta1},{options.Beta2}"),
            ["t_initial"] = S(options.Schedule.CycleSteps),
            ["lr_min"] = S(options.Schedule.MinLearningRate),
            ["warmup_lr_init"] = S(options.Schedule.WarmupInitialLearningRate),
            ["warmup_t"] = S(options.Schedule.WarmupSteps),
            ["gradient_clip"] = S(options.GradientClip),
            ["seed"] = S(options.Seed),
            ["train_sequences"] = S(train.Count),
            ["test_sequences"] = S(test.Count),
            ["tokens_per_sequence"] = S(train.TokensPerSequence),
            ["total_steps"] = S(totalSteps),
            ["device"] = options.Device,
        });
        tracker.SetTag("kind", "finetune");
        if (resumedFrom is not null) tracker.SetTag("resumed_from", Path.GetFileName(resumedFrom));
    }
}
