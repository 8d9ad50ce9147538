using HyenaFlow.Engine.Model;
using TorchSharp;
using TorchSharp.Modules;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// AdamW over the model's trainable parameters in the official groups (implicit filter MLP without
/// weight decay), with the learning rate set from the schedule before every step and gradients
/// clipped by global norm. Counts optimiser steps; the count is the schedule's clock.
/// </summary>
public sealed class TrainingOptimizer : IDisposable
{
    private readonly CosineWarmupSchedule schedule;
    private readonly double gradientClip;

    public TrainingOptimizer(HyenaDnaModel model, CosineWarmupSchedule schedule, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double gradientClip = 1.0)
    {
        this.schedule = schedule;
        this.gradientClip = gradientClip;
        var (decay, noDecay) = model.ParameterGroups();
        DecayParameters = decay;
        NoDecayParameters = noDecay;
        Trainable = [.. decay, .. noDecay];
        if (Trainable.Count == 0) throw new ArgumentException("The model has no trainable parameters.", nameof(model));
        var groups = new List<AdamW.ParamGroup>();
        if (decay.Count > 0) groups.Add(new AdamW.ParamGroup(decay, new AdamW.Options { weight_decay = weightDecay }));
        if (noDecay.Count > 0) groups.Add(new AdamW.ParamGroup(noDecay, new AdamW.Options { weight_decay = 0.0 }));
        Optimizer = torch.optim.AdamW(groups, schedule.At(0), beta1, beta2, eps: 1e-8, weight_decay: weightDecay);
    }

    public AdamW Optimizer { get; }

    public IReadOnlyList<Parameter> DecayParameters { get; }

    public IReadOnlyList<Parameter> NoDecayParameters { get; }

    public IReadOnlyList<Parameter> Trainable { get; }

    /// <summary>Optimiser steps taken so far (restored from checkpoints).</summary>
    public long Step { get; set; }

    /// <summary>The learning rate the next step will use.</summary>
    public double NextLearningRate => schedule.At(Step);

    public void ZeroGrad() => Optimizer.zero_grad();

    /// <summary>Clips, sets the scheduled rate, steps; returns the rate used and the gradient norm before clipping (NaN when not clipping).</summary>
    public (double LearningRate, double GradientNorm) Apply()
    {
        var norm = gradientClip > 0 ? torch.nn.utils.clip_grad_norm_(Trainable, gradientClip) : double.NaN;
        var rate = schedule.At(Step);
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = rate;
        Optimizer.step();
        FinalizerDrain.Run();
        Step++;
        return (rate, norm);
    }

    public void Save(BinaryWriter writer) => Optimizer.save_state_dict(writer);

    public void Load(BinaryReader reader) => Optimizer.load_state_dict(reader);

    public void Dispose() => Optimizer.Dispose();
}
