using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Tracking;
using HyenaFlow.Engine.Training;

namespace HyenaFlow.Engine.Tests.Training;

[Collection(SerialTrainingCollection.Name)]
public class PretrainerTests
{
    private static readonly PretrainOptions Fast = new()
    {
        Threads = 1,
        Steps = 60,
        SequenceLength = 32,
        BatchSize = 4,
        Schedule = new CosineWarmupSchedule { LearningRate = 3e-3, WarmupSteps = 5, CycleSteps = 60, MinLearningRate = 3e-4, WarmupInitialLearningRate = 1e-5 },
    };

    [Fact]
    public void LossFallsOnARepetitiveSequence()
    {
        var windows = InMemoryWindowSource.FromBases(string.Concat(Enumerable.Repeat("ACGTTGCAAGT", 40)));
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig);
        var tracker = new InMemoryTracker();

        var result = Pretrainer.Run(model, windows, Fast, tracker);

        var losses = tracker.Series("train/loss").Select(m => m.Value).ToList();
        Assert.Equal(60, losses.Count);
        Assert.InRange(losses.Take(3).Average(), 2.0, 3.5); // ≈ ln 16 at the start
        Assert.True(losses.TakeLast(5).Average() < 0.4 * losses.Take(5).Average(), $"first {losses.Take(5).Average():F3}, last {losses.TakeLast(5).Average():F3}");
        Assert.Equal(60, result.Steps);
        Assert.Equal(losses[^1], result.FinalLoss);
    }

    [Fact]
    public void ItsCheckpointGivesAClassifierItsBackbone()
    {
        using var folder = new TempFolder();
        var windows = InMemoryWindowSource.FromBases(string.Concat(Enumerable.Repeat("ACGTTGCAAGT", 10)));
        using var lm = new HyenaDnaModel(TrainingTestData.TinyConfig);
        var result = Pretrainer.Run(lm, windows, Fast with { Steps = 3, CheckpointDirectory = folder.Path });
        Assert.NotNull(result.FinalCheckpointPath);

        using var classifier = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        classifier.InitializeWeights(77);
        var description = PretrainedWeights.Load(result.FinalCheckpointPath!, classifier);

        Assert.Contains("pretrain", description);
        var want = TrainingTestData.Snapshot(lm);
        var got = TrainingTestData.Snapshot(classifier);
        foreach (var (name, values) in want) Assert.True(values.SequenceEqual(got[name]), name);
        Assert.All(classifier.parameters(), p => Assert.True(p.requires_grad));
    }
}
