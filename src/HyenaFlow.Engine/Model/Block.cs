using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// One pre-norm layer in the official "residual carried alongside" form:
/// r = drop(h) + r; h = Hyena(norm1(r)); r = drop(h) + r; h = MLP(norm2(r)).
/// The residual stream is kept in float32.
/// </summary>
public sealed class Block : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> norm1;
    private readonly nn.Module<Tensor, Tensor> norm2;
    private readonly HyenaOperator mixer;
    private readonly Mlp mlp;
    private readonly nn.Module<Tensor, Tensor> dropout1;
    private readonly nn.Module<Tensor, Tensor> dropout2;

    /// <param name="inputDropout">Dropout on the block's input: embed_dropout for block 0, resid_dropout after.</param>
    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public Block(HyenaDnaConfig config, double inputDropout) : base(nameof(Block))
    {
        mixer = new HyenaOperator(config);
        norm1 = nn.LayerNorm(config.ModelWidth, config.LayerNormEpsilon);
        norm2 = nn.LayerNorm(config.ModelWidth, config.LayerNormEpsilon);
        mlp = new Mlp(config.ModelWidth, config.MlpWidth);
        dropout1 = nn.Dropout(inputDropout);
        dropout2 = nn.Dropout(config.ResidDropout);
        register_module("mixer", mixer);
        register_module("dropout1", dropout1);
        register_module("norm1", norm1);
        register_module("dropout2", dropout2);
        register_module("norm2", norm2);
        register_module("mlp", mlp);
    }

    /// <returns>The block output and the updated residual stream (null residual: first block).</returns>
    public (Tensor Hidden, Tensor Residual) forward(Tensor hidden, Tensor? residual)
    {
        using var scope = NewDisposeScope();
        var dropped = dropout1.forward(hidden);
        var r = residual is null ? dropped : dropped + residual;
        var h = mixer.forward(norm1.forward(r));
        r = dropout2.forward(h) + r.to(float32);
        h = mlp.forward(norm2.forward(r));
        return (h.MoveToOuterDisposeScope(), r.MoveToOuterDisposeScope());
    }
}
