namespace HyenaFlow.Engine.Training;

/// <summary>
/// Settings of one fine-tuning run. Defaults are the thesis's recipe for the 1K model (Tables 3.4,
/// 3.5, global batch 8); <see cref="For32K"/> gives the 32K model's (global batch 2).
/// </summary>
public sealed record FineTuneOptions
{
    public TrainingArm Arm { get; init; } = TrainingArm.Pretrained;

    public int Epochs { get; init; } = 20;

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

    /// <summary>Seeds the random initialisation (random arm), dropout and the data order.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Evaluate on the test data every this many epochs (and always after the last).</summary>
    public int EvaluateEveryEpochs { get; init; } = 1;

    /// <summary>Stop after this many evaluations without a better test accuracy; null never stops early.</summary>
    public int? Patience { get; init; }

    /// <summary>Where checkpoints (and the best weights) go; null keeps nothing on disk and cannot resume.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Write a checkpoint every this many optimiser steps (also at every epoch end).</summary>
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

    /// <summary>The thesis's 32K settings: global batch 2, otherwise the same recipe.</summary>
    public static FineTuneOptions For32K { get; } = new() { BatchSize = 2 };

    /// <summary>The thesis's 1K settings: global batch 8.</summary>
    public static FineTuneOptions For1K { get; } = new();

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1, not {Epochs}.");
        if (BatchSize < 1) throw new ArgumentException($"The batch size must be at least 1, not {BatchSize}.");
        if (AccumulationSteps < 1) throw new ArgumentException($"Accumulation steps must be at least 1, not {AccumulationSteps}.");
        if (EvaluateEveryEpochs < 1) throw new ArgumentException($"Evaluate-every must be at least 1 epoch, not {EvaluateEveryEpochs}.");
        if (Patience is < 1) throw new ArgumentException($"Patience must be at least 1 evaluation, not {Patience}.");
        if (CheckpointEverySteps < 1) throw new ArgumentException($"Checkpoint-every must be at least 1 step, not {CheckpointEverySteps}.");
        if (LogEverySteps < 1) throw new ArgumentException($"Log-every must be at least 1 step, not {LogEverySteps}.");
        if (KeepCheckpoints < 0) throw new ArgumentException($"Kept checkpoints cannot be negative ({KeepCheckpoints}).");
    }
}
