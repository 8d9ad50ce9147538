namespace HyenaFlow.Engine.Training;

/// <summary>Settings of next-token pre-training on random windows (same optimiser recipe as fine-tuning).</summary>
public sealed record PretrainOptions
{
    /// <summary>Optimiser steps to run in total.</summary>
    public long Steps { get; init; } = 10_000;

    /// <summary>Input tokens per window (each window draws one more token, the last target).</summary>
    public int SequenceLength { get; init; } = 1_024;

    public int BatchSize { get; init; } = 8;

    public int AccumulationSteps { get; init; } = 1;

    public double WeightDecay { get; init; } = 0.1;

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public CosineWarmupSchedule Schedule { get; init; } = new();

    public double GradientClip { get; init; } = 1.0;

    public long Seed { get; init; } = 1;

    /// <summary>Initialise the model officially from the seed first (false: continue from its weights).</summary>
    public bool InitializeWeights { get; init; } = true;

    public string? CheckpointDirectory { get; init; }

    public int CheckpointEverySteps { get; init; } = 1_000;

    public bool Resume { get; init; } = true;

    public int KeepCheckpoints { get; init; } = 1;

    public string Device { get; init; } = "cpu";

    public int? Threads { get; init; }

    public int LogEverySteps { get; init; } = 10;

    public double? PeakFlopsPerSecond { get; init; }

    internal void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"Steps must be at least 1, not {Steps}.");
        if (SequenceLength < 1) throw new ArgumentException($"The sequence length must be at least 1, not {SequenceLength}.");
        if (BatchSize < 1) throw new ArgumentException($"The batch size must be at least 1, not {BatchSize}.");
        if (AccumulationSteps < 1) throw new ArgumentException($"Accumulation steps must be at least 1, not {AccumulationSteps}.");
        if (CheckpointEverySteps < 1) throw new ArgumentException($"Checkpoint-every must be at least 1 step, not {CheckpointEverySteps}.");
        if (LogEverySteps < 1) throw new ArgumentException($"Log-every must be at least 1 step, not {LogEverySteps}.");
        if (KeepCheckpoints < 0) throw new ArgumentException($"Kept checkpoints cannot be negative ({KeepCheckpoints}).");
    }
}
