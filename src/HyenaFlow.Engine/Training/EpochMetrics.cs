namespace HyenaFlow.Engine.Training;

/// <summary>
/// What one fine-tuning epoch gave: mean training loss and, when it was evaluated, the test
/// figures (null otherwise; NaN where a figure is undefined, e.g. AUROC with one class).
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    long Step,
    double TrainLoss,
    double LearningRate,
    double? TestLoss = null,
    double? TestAccuracy = null,
    double? TestAuroc = null,
    double? TestCellLineAccuracy = null);
