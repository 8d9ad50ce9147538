namespace HyenaFlow.Engine.Training;

/// <summary>
/// Everything besides the weights and optimiser moments that a resumed run needs to continue as if
/// never interrupted: position in the data, RNG states, running sums, best-so-far and history.
/// Torch's generator (dropout) is reseeded before every micro-batch from (seed, step, micro-batch),
/// so its state is a function of this record, on CPU and CUDA alike.
/// </summary>
public sealed record TrainingState
{
    /// <summary>"finetune" or "pretrain".</summary>
    public required string Kind { get; init; }

    public required long Seed { get; init; }

    /// <summary>Optimiser steps taken (the schedule's clock).</summary>
    public long Step { get; init; }

    /// <summary>The epoch in progress (0-based); fine-tuning only.</summary>
    public int Epoch { get; init; }

    /// <summary>The next micro-batch of the epoch to train on; fine-tuning only.</summary>
    public long NextBatch { get; init; }

    /// <summary>Data-order RNG state at the start of <see cref="Epoch"/>: regenerates the epoch's order.</summary>
    public ulong EpochOrderState { get; init; }

    /// <summary>Sum and count of micro-batch losses so far in the epoch (its mean training loss).</summary>
    public double EpochLossSum { get; init; }

    public long EpochLossCount { get; init; }

    public double BestAccuracy { get; init; } = double.NaN;

    public int BestEpoch { get; init; } = -1;

    public int EvaluationsWithoutImprovement { get; init; }

    public bool Finished { get; init; }

    public bool StoppedEarly { get; init; }

    public IReadOnlyList<EpochMetrics> History { get; init; } = [];

    /// <summary>Configuration name and shape of the model, checked on resume.</summary>
    public string ModelSignature { get; init; } = "";

    /// <summary>Last training loss (pre-training).</summary>
    public double LastLoss { get; init; } = double.NaN;
}
