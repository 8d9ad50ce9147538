namespace HyenaFlow.Engine.Training;

/// <summary>One progress line of a training run.</summary>
/// <param name="Step">Optimiser steps done.</param>
/// <param name="Loss">Mean training loss of the latest optimiser step.</param>
/// <param name="LearningRate">Rate the latest step used.</param>
/// <param name="TokensPerSecond">Training tokens per second since this process started the run.</param>
/// <param name="Eta">Estimated time to the last step.</param>
/// <param name="Mfu">Model FLOPs utilisation against the measured peak (0 … 1), when estimable.</param>
public sealed record TrainingProgress(
    long Step,
    long TotalSteps,
    int Epoch,
    double Loss,
    double LearningRate,
    double GradientNorm,
    double TokensPerSecond,
    TimeSpan Eta,
    double? Mfu)
{
    public override string ToString() =>
        FormattableString.Invariant(
            $"step {Step}/{TotalSteps} epoch {Epoch} loss {Loss:F4} lr {LearningRate:E3} grad {GradientNorm:F3} {TokensPerSecond:F0} tok/s eta {Eta:hh\\:mm\\:ss}{(Mfu is { } m ? $" mfu {m:P2}" : "")}");
}
