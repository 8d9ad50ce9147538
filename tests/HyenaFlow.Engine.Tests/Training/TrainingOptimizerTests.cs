using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Training;
using TorchSharp.Modules;

namespace HyenaFlow.Engine.Tests.Training;

public class TrainingOptimizerTests
{
    static TrainingOptimizerTests() => TorchSettings.UseThreads(1);

    [Fact]
    public void TheImplicitFilterMlpHasNoWeightDecayAndBuffersAreNotTrained()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        using var optimizer = new TrainingOptimizer(model, new CosineWarmupSchedule(), weightDecay: 0.1);

        // Per layer: Linear(5,64) 384 + Linear(64,64) ×2 4160 each + Linear(64,128, no bias) 8192 + shared freq 64.
        Assert.Equal(2 * (384 + 4160 + 4160 + 8192 + 64), optimizer.NoDecayParameters.Sum(p => p.numel()));
        Assert.Equal(2 * 8, optimizer.NoDecayParameters.Count); // per layer: 0/2/4 weight and bias, 6.weight, the shared freq
        Assert.Equal(model.ParameterCount, optimizer.Trainable.Sum(p => p.numel()));

        var groups = optimizer.Optimizer.ParamGroups.Cast<AdamW.ParamGroup>().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(0.1, groups[0].Options.weight_decay);
        Assert.Equal(0.0, groups[1].Options.weight_decay);
        Assert.Equal(0.9, groups[0].Options.beta1);
        Assert.Equal(0.999, groups[0].Options.beta2);

        var trained = optimizer.Trainable.Select(p => p.Handle).ToHashSet();
        foreach (var (name, buffer) in model.named_buffers())
        {
            Assert.True(name.EndsWith(".z") || name.EndsWith(".t") || name.EndsWith(".deltas"), name);
            Assert.DoesNotContain(buffer.Handle, trained);
        }
        Assert.Equal(6, model.named_buffers().Count()); // z, t, deltas in each of the 2 layers
    }

    [Fact]
    public void StepsFollowTheSchedule()
    {
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        var schedule = new CosineWarmupSchedule { WarmupSteps = 2, CycleSteps = 10 };
        using var optimizer = new TrainingOptimizer(model, schedule, weightDecay: 0.1);
        using var ids = TorchSharp.torch.full(2, 10, 7L);
        using var labels = TorchSharp.torch.tensor(new long[] { 0, 1 });
        for (var step = 0; step < 3; step++)
        {
            optimizer.ZeroGrad();
            using (var loss = TorchSharp.torch.nn.functional.cross_entropy(model.ClassLogits(ids), labels)) loss.backward();
            var (rate, norm) = optimizer.Apply();
            Assert.Equal(schedule.At(step), rate);
            Assert.True(norm > 0);
            Assert.All(optimizer.Optimizer.ParamGroups, g => Assert.Equal(rate, g.LearningRate));
        }
        Assert.Equal(3, optimizer.Step);
    }
}
