using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Engine.Tests.Training;

[Collection(SerialTrainingCollection.Name)]
public class FineTunerTests
{
    private static readonly FineTuneOptions Fast = new()
    {
        Threads = 1,
        BatchSize = 8,
        Epochs = 3,
        Schedule = new CosineWarmupSchedule { LearningRate = 3e-3, WarmupSteps = 4, CycleSteps = 100, MinLearningRate = 3e-4, WarmupInitialLearningRate = 1e-5 },
    };

    [Fact]
    public void RandomArmLearnsATriviallySeparableShardDataset()
    {
        using var folder = new TempFolder();
        var directory = TrainingTestData.WriteDataset(Path.Combine(folder.Path, "dataset"));
        using var train = ShardedDataset.Open(directory, Split.Train);
        using var test = ShardedDataset.Open(directory, Split.Test);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        var tracker = new InMemoryTracker();
        var reports = new List<TrainingProgress>();

        var result = FineTuner.Run(model, train, test,
            Fast with { Arm = TrainingArm.Random, Epochs = 4, CheckpointDirectory = Path.Combine(folder.Path, "ckpt"), LogEverySteps = 4 },
            tracker, new CallbackProgress<TrainingProgress>(reports.Add));

        Assert.True(result.BestAccuracy >= 0.85, $"best accuracy {result.BestAccuracy}");
        Assert.Equal(4, result.Epochs.Count);
        Assert.Equal(4 * 8, result.Steps);
        Assert.All(result.Epochs, e => Assert.NotNull(e.TestAccuracy));
        Assert.Equal(result.Epochs.Max(e => e.TestAccuracy!.Value), result.BestAccuracy);
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss);
        Assert.True(File.Exists(result.BestWeightsPath));
        Assert.True(File.Exists(result.FinalCheckpointPath));
        Assert.Equal(TrainingTestData.CellLines.Length, result.LastEvaluation!.CellLines.Count);
        Assert.Equal(32, tracker.Series("train/loss").Count);
        Assert.Equal(4, tracker.Series("test/accuracy").Count);
        Assert.Equal("random", tracker.Parameters["arm"]);
        Assert.Equal(8, reports.Count);
        Assert.All(reports, r => Assert.True(r.TokensPerSecond > 0 && r.Mfu > 0 && r.Mfu < 1, r.ToString()));
    }

    [Fact]
    public void FrozenArmChangesOnlyTheHead()
    {
        var (tokens, labels, _) = TrainingTestData.Sequences(32, 32, seed: 3);
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        model.InitializeWeights(5);
        var before = TrainingTestData.Snapshot(model);

        FineTuner.Run(model, data, data, Fast with { Arm = TrainingArm.Frozen, Epochs = 1 });

        var after = TrainingTestData.Snapshot(model);
        foreach (var (name, values) in before)
        {
            if (name.StartsWith("head.", StringComparison.Ordinal)) Assert.NotEqual(values, after[name]);
            else Assert.Equal(values, after[name]);
        }
    }

    [Fact]
    public void StopsEarlyWhenAccuracyDoesNotImprove()
    {
        var (tokens, labels, _) = TrainingTestData.Sequences(16, 32, seed: 4);
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        var still = new CosineWarmupSchedule { LearningRate = 0, MinLearningRate = 0, WarmupInitialLearningRate = 0 };

        var result = FineTuner.Run(model, data, data, Fast with { Arm = TrainingArm.Random, Epochs = 5, Patience = 2, Schedule = still });

        Assert.True(result.StoppedEarly);
        Assert.Equal(3, result.Epochs.Count); // best at epoch 0, then two evaluations without improvement
        Assert.Equal(0, result.BestEpoch);
    }

    [Fact]
    public void ResumedRunEqualsAnUninterruptedOneBitForBit()
    {
        using var folder = new TempFolder();
        var (tokens, labels, lines) = TrainingTestData.Sequences(44, 32, seed: 6);
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2, lines);
        // 44 rows / batch 4 = 11 micro-batches, accumulation 2 → 6 optimiser steps per epoch (the last one
        // of a single micro-batch); 2 epochs = 12 steps. Checkpoints every 4 steps and at epoch ends.
        var options = Fast with { Arm = TrainingArm.Random, Epochs = 2, BatchSize = 4, AccumulationSteps = 2, CheckpointEverySteps = 4, LogEverySteps = 1, Seed = 21 };

        var whole = new InMemoryTracker();
        using var reference = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        var expected = FineTuner.Run(reference, data, data, options with { CheckpointDirectory = Path.Combine(folder.Path, "a") }, whole);

        var interrupted = Path.Combine(folder.Path, "b");
        using (var first = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2))
        using (var cancel = new CancellationTokenSource())
        {
            var stopAt8 = new CallbackProgress<TrainingProgress>(p => { if (p.Step == 8) cancel.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() =>
                FineTuner.Run(first, data, data, options with { CheckpointDirectory = interrupted }, null, stopAt8, cancel.Token));
        }
        Assert.Equal(8, TrainingCheckpoint.ReadState(TrainingCheckpoint.Latest(interrupted)!).Step);

        var resumedTracker = new InMemoryTracker();
        using var resumed = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        resumed.InitializeWeights(999); // whatever it holds is replaced by the checkpoint
        var actual = FineTuner.Run(resumed, data, data, options with { CheckpointDirectory = interrupted }, resumedTracker);

        var expectedLosses = whole.Series("train/loss").Where(m => m.Step > 8).ToList();
        Assert.Equal(4, expectedLosses.Count);
        Assert.Equal(expectedLosses, resumedTracker.Series("train/loss"));
        Assert.Equal(expected.Epochs, actual.Epochs);
        Assert.Equal(expected.Steps, actual.Steps);
        var want = TrainingTestData.Snapshot(reference);
        var got = TrainingTestData.Snapshot(resumed);
        foreach (var (name, values) in want) Assert.True(values.SequenceEqual(got[name]), name);
    }

    [Fact]
    public void ResumingWithAnotherSeedIsRefused()
    {
        using var folder = new TempFolder();
        var (tokens, labels, _) = TrainingTestData.Sequences(8, 32, seed: 7);
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2);
        var options = Fast with { Epochs = 1, CheckpointDirectory = folder.Path };
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        FineTuner.Run(model, data, data, options with { Epochs = 1 });
        FineTuner.Run(model, data, data, options); // finished: resumes to the end at once
        var error = Assert.Throws<InvalidDataException>(() => FineTuner.Run(model, data, data, options with { Seed = 2 }));
        Assert.Contains("seed", error.Message);
    }
}
