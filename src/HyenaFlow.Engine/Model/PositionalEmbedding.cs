using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// The implicit filter's input: for each position, [t, cos(f·w), −sin(f·w)] with t in [0, 1]
/// and w = 2π·position/l_max. Computed once for l_max; shorter sequences use a prefix.
/// </summary>
public sealed class PositionalEmbedding : nn.Module
{
    private readonly Tensor z; // 1 × l_max × emb_dim
    private readonly Tensor t; // 1 × l_max × 1

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public PositionalEmbedding(int embeddingDim, int maxLength) : base(nameof(PositionalEmbedding))
    {
        if (embeddingDim < 3 || embeddingDim % 2 == 0)
            throw new ArgumentException($"Filter embedding dimension must be odd and ≥ 3, not {embeddingDim}.", nameof(embeddingDim));

        using var scope = NewDisposeScope();
        var time = linspace(0, 1, maxLength, dtype: float32).view(1, maxLength, 1);
        var bands = (embeddingDim - 1) / 2;
        var rescaled = linspace(0, maxLength - 1, maxLength, dtype: float32).view(1, maxLength, 1);
        var w = 2 * Math.PI * rescaled / maxLength;
        var f = linspace(1e-4, bands - 1, bands, dtype: float32).view(1, 1, bands);
        // Real and imaginary parts of exp(−i·f·w).
        var angle = f * w;
        z = cat([time, cos(angle), -sin(angle)], dim: -1).contiguous().MoveToOuterDisposeScope();
        t = time.contiguous().MoveToOuterDisposeScope();
        register_buffer("z", z);
        register_buffer("t", t);
    }

    /// <summary>(z, t) for the first <paramref name="length"/> positions.</summary>
    public (Tensor Z, Tensor T) Prefix(long length) => (z.narrow(1, 0, length), t.narrow(1, 0, length));
}
