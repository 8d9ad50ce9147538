using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>Embeddings → blocks → final residual add → ln_f (official <c>backbone</c>).</summary>
public sealed class HyenaDnaBackbone : nn.Module<Tensor, Tensor>
{
    private readonly Embeddings embeddings;
    private readonly ModuleList<Block> layers;
    private readonly nn.Module<Tensor, Tensor> dropF;
    private readonly nn.Module<Tensor, Tensor> lnF;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public HyenaDnaBackbone(HyenaDnaConfig config) : base(nameof(HyenaDnaBackbone))
    {
        embeddings = new Embeddings(config);
        layers = nn.ModuleList(Enumerable.Range(0, config.LayerCount)
            .Select(i => new Block(config, i == 0 ? config.EmbedDropout : config.ResidDropout))
            .ToArray());
        dropF = nn.Dropout(config.ResidDropout);
        lnF = nn.LayerNorm(config.ModelWidth, config.LayerNormEpsilon);
        register_module("embeddings", embeddings);
        register_module("layers", layers);
        register_module("drop_f", dropF);
        register_module("ln_f", lnF);
    }

    public Embeddings Embeddings => embeddings;

    /// <param name="inputIds">B × L token ids (int64).</param>
    /// <returns>B × L × d hidden states.</returns>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        var hidden = embeddings.forward(inputIds);
        Tensor? residual = null;
        foreach (var layer in layers) (hidden, residual) = layer.forward(hidden, residual);
        var dropped = dropF.forward(hidden);
        var r = residual is null ? dropped : dropped + residual;
        return lnF.forward(r).MoveToOuterDisposeScope();
    }
}
