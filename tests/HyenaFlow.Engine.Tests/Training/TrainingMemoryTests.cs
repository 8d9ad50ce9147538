using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Training;
using Xunit.Abstractions;

namespace HyenaFlow.Engine.Tests.Training;

[Collection(SerialTrainingCollection.Name)]
public class TrainingMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoThousandStepsDoNotGrowResidentMemory()
    {
        var (tokens, labels, _) = TrainingTestData.Sequences(64, 32, seed: 8); // L = 34 tokens
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        long afterWarmUp = 0;
        long peakAfterWarmUp = 0;
        var progress = new CallbackProgress<TrainingProgress>(p =>
        {
            if (p.Step < 200) return;
            var resident = Settled();
            if (p.Step == 200) afterWarmUp = resident;
            peakAfterWarmUp = Math.Max(peakAfterWarmUp, resident);
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = FineTuner.Run(model, data, data, new FineTuneOptions
        {
            Arm = TrainingArm.Random,
            Threads = 1,
            BatchSize = 2,
            Epochs = 63, // 32 steps per epoch: 2,016 optimiser steps
            EvaluateEveryEpochs = 1_000,
            LogEverySteps = 100,
            PeakFlopsPerSecond = 1e10,
        }, progress: progress);

        var atEnd = Settled();
        output.WriteLine($"{result.Steps} steps in {clock.Elapsed.TotalSeconds:F1} s; VmRSS after warm-up {afterWarmUp / 1024.0:F1} MiB, peak {peakAfterWarmUp / 1024.0:F1} MiB, at end {atEnd / 1024.0:F1} MiB");
        Assert.Equal(2_016, result.Steps);
        Assert.True(atEnd - afterWarmUp < 16 * 1024, $"VmRSS grew by {(atEnd - afterWarmUp) / 1024.0:F1} MiB over 1,800 steps");
        Assert.True(peakAfterWarmUp - afterWarmUp < 24 * 1024, $"VmRSS peaked {(peakAfterWarmUp - afterWarmUp) / 1024.0:F1} MiB above the warm-up level");
    }

    [Fact]
    public void FullLengthTiny1KStepsDoNotGrowResidentMemory()
    {
        // At L = 1,026 and batch 8 every step frees tens of MiB of activations; objects left to finalizers
        // between those blocks once grew this run by 20–45 MiB a step (the 34-token test above hid it).
        var (tokens, labels, _) = TrainingTestData.Sequences(64, 1_024, seed: 9);
        var data = new InMemorySequenceDataset(tokens, labels, classCount: 2);
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        long atStep16 = 0;
        var progress = new CallbackProgress<TrainingProgress>(p =>
        {
            if (p.Step == 16) atStep16 = TrainingTestData.ResidentKiB();
        });

        var result = FineTuner.Run(model, data, data, new FineTuneOptions
        {
            Arm = TrainingArm.Random,
            Threads = 2,
            BatchSize = 8,
            Epochs = 8, // 8 steps per epoch: 64 optimiser steps
            EvaluateEveryEpochs = 1_000,
            LogEverySteps = 4,
            PeakFlopsPerSecond = 1e10,
        }, progress: progress);

        var atEnd = TrainingTestData.ResidentKiB();
        output.WriteLine($"{result.Steps} steps; VmRSS at step 16 {atStep16 / 1024.0:F1} MiB, at end {atEnd / 1024.0:F1} MiB");
        Assert.Equal(64, result.Steps);
        Assert.True(atStep16 > 0, "no progress report at step 16");
        Assert.True(atEnd - atStep16 < 128 * 1024, $"VmRSS grew by {(atEnd - atStep16) / 1024.0:F1} MiB over 48 full-length steps");
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return TrainingTestData.ResidentKiB();
    }
}
