using HyenaFlow.Engine.Evaluation;

namespace HyenaFlow.Engine.Training;

/// <summary>The outcome of a fine-tuning run (all epochs, including those run before a resume).</summary>
/// <param name="BestAccuracy">Highest test accuracy of any evaluation ("top accuracy"); NaN when none ran.</param>
/// <param name="BestEpoch">0-based epoch of <paramref name="BestAccuracy"/>; −1 when none.</param>
/// <param name="FinalCheckpointPath">The last checkpoint written, or null without a checkpoint directory.</param>
/// <param name="BestWeightsPath">The weights of the best epoch (TorchSharp format, official key names), or null without a checkpoint directory.</param>
/// <param name="LastEvaluation">The full report of the last evaluation this process ran, or null.</param>
public sealed record FineTuneResult(
    double BestAccuracy,
    int BestEpoch,
    IReadOnlyList<EpochMetrics> Epochs,
    long Steps,
    bool StoppedEarly,
    string? FinalCheckpointPath,
    string? BestWeightsPath,
    EvaluationReport? LastEvaluation);
