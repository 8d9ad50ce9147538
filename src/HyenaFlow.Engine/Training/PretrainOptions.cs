namespace HyenaFlow.Engine.Training;

/// <summary>Settings of next-token pre-training on random windows (same optimiser recipe as fine-tuning).</summary>
public sealed record PretrainOptions : TrainingRunOptions
{
    /// <summary>Optimiser steps to run in total.</summary>
    public long Steps { get; init; } = 10_000;

    /// <summary>Input tokens per window (each window draws one more token, the last target).</summary>
    public int SequenceLength { get; init; } = 1_024;

    /// <summary>Initialise the model officially from the seed first (false: continue from its weights).</summary>
    public bool InitializeWeights { get; init; } = true;

    internal override void Validate()
    {
        base.Validate();
        if (Steps < 1) throw new ArgumentException($"Steps must be at least 1, not {Steps}.");
        if (SequenceLength < 1) throw new ArgumentException($"The sequence length must be at least 1, not {SequenceLength}.");
    }
}
