namespace HyenaFlow.Engine.Training;

/// <summary>
/// Settings of one fine-tuning run. Defaults are the thesis's recipe for the 1K model (Tables 3.4,
/// 3.5, global batch 8); <see cref="For32K"/> gives the 32K model's (global batch 2).
/// </summary>
public sealed record FineTuneOptions : TrainingRunOptions
{
    public TrainingArm Arm { get; init; } = TrainingArm.Pretrained;

    public int Epochs { get; init; } = 20;

    /// <summary>Evaluate on the test data every this many epochs (and always after the last).</summary>
    public int EvaluateEveryEpochs { get; init; } = 1;

    /// <summary>Stop after this many evaluations without a better test accuracy; null never stops early.</summary>
    public int? Patience { get; init; }

    /// <summary>The thesis's 32K settings: global batch 2, otherwise the same recipe.</summary>
    public static FineTuneOptions For32K { get; } = new() { BatchSize = 2 };

    /// <summary>The thesis's 1K settings: global batch 8.</summary>
    public static FineTuneOptions For1K { get; } = new();

    internal override void Validate()
    {
        base.Validate();
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1, not {Epochs}.");
        if (EvaluateEveryEpochs < 1) throw new ArgumentException($"Evaluate-every must be at least 1 epoch, not {EvaluateEveryEpochs}.");
        if (Patience is < 1) throw new ArgumentException($"Patience must be at least 1 evaluation, not {Patience}.");
    }
}
