using HyenaFlow.Engine.Training;

namespace HyenaFlow.Engine.Tests.Training;

public class CosineWarmupScheduleTests
{
    // Hand-computed from timm's CosineLRScheduler with the thesis's Tables 3.4/3.5:
    // lr 6e-4, lr_min 6e-5, warmup_lr_init 1e-6, warmup_t 250, t_initial 25000, no warm-up prefix.
    [Theory]
    [InlineData(0, 1e-6)]                          // warm-up starts at warmup_lr_init
    [InlineData(1, 1e-6 + 5.99e-4 / 250)]          // + (lr − warmup_lr_init)/warmup_t per step
    [InlineData(125, 3.005e-4)]                    // half-way up: 1e-6 + 125 · 2.396e-6
    [InlineData(249, 1e-6 + 249 * 2.396e-6)]       // last warm-up step: 5.97604e-4
    [InlineData(250, 5.998667712987475e-4)]        // cosine at t = 250 (not shifted): 6e-5 + 2.7e-4 (1 + cos(π/100))
    [InlineData(6250, 5.209188309203678e-4)]       // quarter: 6e-5 + 2.7e-4 (1 + √½)
    [InlineData(12500, 3.3e-4)]                    // half: 6e-5 + 2.7e-4
    [InlineData(18750, 1.390811690796322e-4)]      // three quarters: 6e-5 + 2.7e-4 (1 − √½)
    [InlineData(24999, 6.0000002132e-5)]           // just before the end: 6e-5 + 2.7e-4 (1 + cos(π · 24999/25000))
    [InlineData(25000, 6e-5)]                      // t_initial reached: lr_min from here on
    [InlineData(40000, 6e-5)]
    public void MatchesTheHandComputedTable(long step, double expected)
    {
        var schedule = new CosineWarmupSchedule();
        Assert.Equal(expected, schedule.At(step), 1e-11);
    }

    [Fact]
    public void DefaultsAreTheThesisValues()
    {
        var schedule = new CosineWarmupSchedule();
        Assert.Equal(6e-4, schedule.LearningRate);
        Assert.Equal(25_000, schedule.CycleSteps);
        Assert.Equal(5.9999999999999995e-05, schedule.MinLearningRate);
        Assert.Equal(1e-6, schedule.WarmupInitialLearningRate);
        Assert.Equal(250, schedule.WarmupSteps);
        Assert.Equal(8, FineTuneOptions.For1K.BatchSize);
        Assert.Equal(2, FineTuneOptions.For32K.BatchSize);
        Assert.Equal(1.0, FineTuneOptions.For1K.GradientClip);
        Assert.Equal(0.1, FineTuneOptions.For1K.WeightDecay);
    }

    [Fact]
    public void RisesThenFallsMonotonically()
    {
        var schedule = new CosineWarmupSchedule { CycleSteps = 100, WarmupSteps = 10 };
        for (var t = 1; t < 10; t++) Assert.True(schedule.At(t) > schedule.At(t - 1));
        for (var t = 11; t <= 100; t++) Assert.True(schedule.At(t) <= schedule.At(t - 1));
    }
}
