using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// The attention baseline of Figure B, shaped like the Hyena operator it replaces: in_proj d → 3d
/// (q, k, v), causal scaled dot-product attention (libtorch's fused CPU kernel), out_proj d → d.
/// </summary>
public sealed class AttentionMixer : nn.Module<Tensor, Tensor>
{
    private readonly int width;
    private readonly int heads;
    private readonly nn.Module<Tensor, Tensor> inProj;
    private readonly nn.Module<Tensor, Tensor> outProj;

    public AttentionMixer(int width, int heads) : base(nameof(AttentionMixer))
    {
        if (width % heads != 0) throw new ArgumentException($"Width {width} is not a multiple of {heads} heads.", nameof(heads));
        this.width = width;
        this.heads = heads;
        inProj = nn.Linear(width, 3 * width);
        outProj = nn.Linear(width, width);
        RegisterComponents();
    }

    /// <param name="h">B × L × d.</param>
    public override Tensor forward(Tensor h)
    {
        using var scope = NewDisposeScope();
        var (batch, length) = (h.shape[0], h.shape[1]);
        var qkv = inProj.forward(h).view(batch, length, 3, heads, width / heads).permute(2, 0, 3, 1, 4); // 3 × B × H × L × hd
        var y = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], null, 0.0, true);
        return outProj.forward(y.transpose(1, 2).reshape(batch, length, width)).MoveToOuterDisposeScope();
    }
}
