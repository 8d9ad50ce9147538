namespace HyenaFlow.Engine.Training;

/// <summary>How a fine-tuning run starts (the thesis's experiment arms).</summary>
public enum TrainingArm
{
    /// <summary>From the weights the model already holds (an imported or a HyenaFlow pre-training checkpoint).</summary>
    Pretrained,

    /// <summary>From the official random initialisation, seeded with the run seed.</summary>
    Random,

    /// <summary>From the weights the model holds, backbone fixed: only the classification head learns.</summary>
    Frozen,
}
