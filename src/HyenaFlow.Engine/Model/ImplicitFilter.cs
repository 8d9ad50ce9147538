using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// The filter MLP: Linear(emb_dim, order) → Sin → Linear → Sin → Linear → Sin → Linear(order, d, no bias),
/// children named 0…6 like the official nn.Sequential, the one <see cref="Sin"/> at 1, 3 and 5.
/// </summary>
public sealed class ImplicitFilter : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor>[] layers;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public ImplicitFilter(int embeddingDim, int order, int modelWidth, double w) : base(nameof(ImplicitFilter))
    {
        var activation = new Sin(order, w);
        layers =
        [
            nn.Linear(embeddingDim, order),
            activation,
            nn.Linear(order, order),
            activation,
            nn.Linear(order, order),
            activation,
            nn.Linear(order, modelWidth, hasBias: false),
        ];
        for (var i = 0; i < layers.Length; i++) register_module(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
    }

    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var h = z;
        foreach (var layer in layers) h = layer.forward(h);
        return h.MoveToOuterDisposeScope();
    }
}
