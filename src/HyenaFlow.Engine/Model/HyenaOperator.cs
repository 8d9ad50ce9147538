using HyenaFlow.Engine.Model.Fused;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// The order-2 Hyena operator (official name <c>mixer</c>), replacing attention:
/// project to 3d, short causal depthwise conv, split into x0, x1, v, then
/// y = x0 · (k ∗ (x1 · v) + D · (x1 · v)) with a long implicit filter k, project back.
/// </summary>
/// <remarks>
/// On CPUs with AVX2 and FMA everything between the projections runs as one autograd node
/// (<see cref="FusedHyenaMixing"/>); elsewhere (CUDA, other short-filter lengths) as separate LibTorch ops.
/// Both give the official operator's result up to float32 rounding.
/// </remarks>
public sealed class HyenaOperator : nn.Module<Tensor, Tensor>
{
    private readonly int width;
    private readonly int maxLength;
    private readonly nn.Module<Tensor, Tensor> inProj;
    private readonly nn.Module<Tensor, Tensor> outProj;
    private readonly CausalDepthwiseConv shortFilter;
    private readonly HyenaFilter filter;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public HyenaOperator(HyenaDnaConfig config) : base(nameof(HyenaOperator))
    {
        width = config.ModelWidth;
        maxLength = config.MaxLength;
        const int order = 2;
        var innerWidth = (order + 1) * width;
        inProj = nn.Linear(width, innerWidth);
        outProj = nn.Linear(width, width);
        shortFilter = new CausalDepthwiseConv(innerWidth, config.ShortFilterOrder);
        filter = new HyenaFilter(config);
        register_module("in_proj", inProj);
        register_module("out_proj", outProj);
        register_module("short_filter", shortFilter);
        register_module("filter_fn", filter);
    }

    /// <param name="h">B × L × d.</param>
    public override Tensor forward(Tensor h)
    {
        var length = h.shape[1];
        if (length > maxLength)
            throw new ArgumentException($"Sequence of {length} tokens exceeds the model's maximum of {maxLength}.", nameof(h));

        using var scope = NewDisposeScope();
        var u = inProj.forward(h);                                // B × L × 3d
        var k = filter.Filter(length);                            // d × L
        var y = !ReferenceMixing && FusedHyenaMixing.Supports(u, shortFilter.Weight, k)
            ? FusedHyenaMixing.Apply(u, shortFilter.Weight, shortFilter.Bias, k, filter.Bias)
            : MixReference(u, k);
        return outProj.forward(y).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Compute the mixing between the projections with plain LibTorch ops even where the fused kernels
    /// apply; the fused path is checked against this one.
    /// </summary>
    internal bool ReferenceMixing { get; set; }

    /// <summary>The mixing as separate LibTorch ops: from the in-projection u (B × L × 3d) to B × L × d.</summary>
    internal Tensor MixReference(Tensor u, Tensor k)
    {
        using var scope = NewDisposeScope();
        var uc = shortFilter.forward(u.transpose(1, 2));          // causal, B × 3d × L
        var parts = uc.split(width, dim: 1);
        var (x0, x1, v) = (parts[0], parts[1], parts[2]);
        v = HyenaFilter.FftConv(v * x1, k, filter.Bias);
        return (v * x0).transpose(1, 2).MoveToOuterDisposeScope(); // B × L × d
    }
}
