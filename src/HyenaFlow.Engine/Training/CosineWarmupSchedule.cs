namespace HyenaFlow.Engine.Training;

/// <summary>
/// timm's <c>CosineLRScheduler</c> as HyenaDNA uses it (<c>t_in_epochs=False</c>, one cycle, no
/// warm-up prefix), stepped once per optimiser step: for step t &lt; warmup_t the rate rises linearly
/// from warmup_lr_init towards lr; from then on it follows lr_min + ½(lr − lr_min)(1 + cos(π t / t_initial))
/// (t is not shifted by the warm-up), and stays at lr_min from t_initial on.
/// Defaults: the thesis's Table 3.5 with lr from Table 3.4.
/// </summary>
public sealed record CosineWarmupSchedule
{
    public double LearningRate { get; init; } = 6e-4;

    /// <summary>t_initial: optimiser steps of the cosine cycle.</summary>
    public long CycleSteps { get; init; } = 25_000;

    public double MinLearningRate { get; init; } = 5.9999999999999995e-05;

    public double WarmupInitialLearningRate { get; init; } = 1e-6;

    /// <summary>warmup_t: optimiser steps of the linear warm-up.</summary>
    public long WarmupSteps { get; init; } = 250;

    /// <summary>The learning rate of optimiser step <paramref name="step"/> (0 for the first step).</summary>
    public double At(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step < WarmupSteps)
            return WarmupInitialLearningRate + step * ((LearningRate - WarmupInitialLearningRate) / WarmupSteps);
        if (step >= CycleSteps) return MinLearningRate;
        return MinLearningRate + 0.5 * (LearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * step / CycleSteps));
    }
}
