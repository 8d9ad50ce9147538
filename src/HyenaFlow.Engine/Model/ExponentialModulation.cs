using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// Multiplies each filter channel by exp(−t·|δ|) + shift, a decay whose rate grows across
/// channels, so the long filters start out local.
/// </summary>
public sealed class ExponentialModulation : nn.Module
{
    private const double FastDecayPct = 0.3, SlowDecayPct = 1.5, Target = 1e-2, Shift = 0.05;

    private readonly Tensor deltas; // 1 × 1 × d
    private readonly bool modulate;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public ExponentialModulation(int modelWidth, bool modulate) : base(nameof(ExponentialModulation))
    {
        this.modulate = modulate;
        var maxDecay = Math.Log(Target) / FastDecayPct;
        var minDecay = Math.Log(Target) / SlowDecayPct;
        deltas = linspace(minDecay, maxDecay, modelWidth, dtype: float32).view(1, 1, modelWidth);
        register_buffer("deltas", deltas);
    }

    /// <param name="t">1 × L × 1 positions in [0, 1].</param>
    /// <param name="x">1 × L × d filter values.</param>
    public Tensor Apply(Tensor t, Tensor x)
    {
        if (!modulate) return x.alias();
        using var scope = NewDisposeScope();
        var decay = exp(-t * deltas.abs());
        return (x * (decay + Shift)).MoveToOuterDisposeScope();
    }
}
