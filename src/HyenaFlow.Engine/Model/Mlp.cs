using HyenaFlow.Engine.Model.Fused;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>fc2(gelu_tanh(fc1(h))), d → d_inner → d.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> fc1;
    private readonly nn.Module<Tensor, Tensor> fc2;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public Mlp(int width, int innerWidth) : base(nameof(Mlp))
    {
        fc1 = nn.Linear(width, innerWidth);
        fc2 = nn.Linear(innerWidth, width);
        register_module("fc1", fc1);
        register_module("fc2", fc2);
    }

    /// <summary>Use LibTorch's GELU even where the fused one applies; the fused one is checked against it.</summary>
    internal bool ReferenceGelu { get; set; }

    public override Tensor forward(Tensor h)
    {
        using var scope = NewDisposeScope();
        var projected = fc1.forward(h);
        var hidden = !ReferenceGelu && FusedGelu.Supports(projected)
            ? FusedGelu.Apply(projected)
            : nn.functional.gelu(projected, GELU.Approximate.tanh);
        return fc2.forward(hidden).MoveToOuterDisposeScope();
    }
}
