using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// What every training run shares, pre-training and fine-tuning alike: the optimiser recipe
/// (AdamW in the official groups, timm cosine schedule, clipping, accumulation), the seed, where
/// checkpoints go, and where and how fast to compute.
/// </summary>
public abstract record TrainingRunOptions
{
    /// <summary>Sequences per forward pass (micro-batch).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Micro-batches per optimiser step: the global batch is BatchSize × AccumulationSteps.</summary>
    public int AccumulationSteps { get; init; } = 1;

    public double WeightDecay { get; init; } = 0.1;

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>Learning rate and its schedule (its <see cref="CosineWarmupSchedule.LearningRate"/> is the peak rate).</summary>
    public CosineWarmupSchedule Schedule { get; init; } = new();

    /// <summary>Gradient clipping by global norm; 0 or less turns it off.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Seeds the initialisation, dropout and the data (order or windows).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Where checkpoints go; null keeps nothing on disk and cannot resume.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Write a checkpoint every this many optimiser steps.</summary>
    public int CheckpointEverySteps { get; init; } = 1_000;

    /// <summary>Continue from the latest checkpoint in <see cref="CheckpointDirectory"/> when there is one.</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Checkpoints kept besides the newest (older ones are deleted).</summary>
    public int KeepCheckpoints { get; init; } = 1;

    /// <summary>"cpu" (default), "cuda", "cuda:1", or "auto" (CUDA when available).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Intra-op CPU threads; null leaves the process setting alone.</summary>
    public int? Threads { get; init; }

    /// <summary>Report progress every this many optimiser steps.</summary>
    public int LogEverySteps { get; init; } = 10;

    /// <summary>Peak FLOP/s for the MFU estimate; null measures it once with a large matmul.</summary>
    public double? PeakFlopsPerSecond { get; init; }

    internal virtual void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"The batch size must be at least 1, not {BatchSize}.");
        if (AccumulationSteps < 1) throw new ArgumentException($"Accumulation steps must be at least 1, not {AccumulationSteps}.");
        if (CheckpointEverySteps < 1) throw new ArgumentException($"Checkpoint-every must be at least 1 step, not {CheckpointEverySteps}.");
        if (LogEverySteps < 1) throw new ArgumentException($"Log-every must be at least 1 step, not {LogEverySteps}.");
        if (KeepCheckpoints < 0) throw new ArgumentException($"Kept checkpoints cannot be negative ({KeepCheckpoints}).");
    }

    /// <summary>
    /// The start of every run, once its inputs are checked: applies the thread setting, resolves the
    /// device, creates the checkpoint directory and finds the checkpoint to resume from (null for a fresh run).
    /// </summary>
    internal (Device Device, string? Directory, string? Latest) Start()
    {
        if (Threads is { } threads) TorchSettings.UseThreads(threads);
        var device = TrainingDevice.Resolve(Device);
        var directory = CheckpointDirectory;
        if (directory is not null) System.IO.Directory.CreateDirectory(directory);
        var latest = Resume && directory is not null ? TrainingCheckpoint.Latest(directory) : null;
        return (device, directory, latest);
    }

    internal TrainingOptimizer CreateOptimizer(HyenaDnaModel model) =>
        new(model, Schedule, WeightDecay, Beta1, Beta2, GradientClip);
}
