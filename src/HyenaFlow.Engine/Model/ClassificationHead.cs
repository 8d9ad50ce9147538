using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// Official SequenceDecoder in "pool" mode with l_output 0: the mean of the hidden states
/// over all positions (special tokens included), then Linear(d, classes).
/// </summary>
public sealed class ClassificationHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> outputTransform;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public ClassificationHead(int modelWidth, int classCount) : base(nameof(ClassificationHead))
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classification head needs at least 2 classes.");
        ClassCount = classCount;
        outputTransform = nn.Linear(modelWidth, classCount);
        register_module("output_transform", outputTransform);
    }

    public int ClassCount { get; }

    /// <param name="hidden">B × L × d.</param>
    /// <returns>B × classes logits.</returns>
    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return outputTransform.forward(hidden.mean([1])).MoveToOuterDisposeScope();
    }
}
