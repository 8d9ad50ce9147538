using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>sin(freq · x) with a trainable frequency per channel.</summary>
/// <remarks>
/// The official implicit filter uses one instance at three places of its Sequential, so a
/// single <c>freq</c> parameter appears under three state-dict keys.
/// </remarks>
public sealed class Sin : nn.Module<Tensor, Tensor>
{
    private readonly Parameter freq;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public Sin(int dim, double w) : base(nameof(Sin))
    {
        freq = new Parameter(full(1, dim, w, dtype: float32));
        register_parameter("freq", freq);
    }

    public override Tensor forward(Tensor x) => sin(freq * x);
}
