using System.Diagnostics;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Figure B: forward + backward time of one mixer (batch 1, small-32k width d = 256) against L from
/// 1K to 64K: the Hyena operator next to causal attention with the same in/out projections, with the
/// fitted growth exponents. Attention stops where its next point would exceed the time budget.
/// </summary>
public sealed class ScalingBench : IBenchmark
{
    private const int Width = 256;
    private const int AttentionHeads = 4; // head dim 64
    private const int Repeats = 2;
    private const double PointBudgetSeconds = 40;
    private static readonly int[] Lengths = [1 << 10, 1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15, 1 << 16];

    public string Name => "scaling";

    public string Description => "Figure B: mixer fwd+bwd time vs L (1K–64K), Hyena vs causal SDPA attention, log-log slopes";

    public int Order => 2;

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        var config = HyenaDnaConfig.Small32K with { Name = "small-32k-width", MaxLength = Lengths[^1] };
        manual_seed(7);
        using var hyena = new HyenaOperator(config);
        using var attention = new AttentionMixer(Width, AttentionHeads);
        Time(hyena, Lengths[0]); // warm-up: first calls allocate and initialise kernels
        Time(attention, Lengths[0]);

        var hyenaTimes = new List<(double L, double Seconds)>();
        var attentionTimes = new List<(double L, double Seconds)>();
        string? attentionStop = null;
        output.WriteLine(Format.Row("L", "Hyena s (fwd+bwd)", "attention s (fwd+bwd)", "attention ÷ Hyena"));
        output.WriteLine(Format.Separator(4));
        foreach (var length in Lengths)
        {
            var h = Time(hyena, length);
            hyenaTimes.Add((length, h));
            double? a = null;
            if (attentionStop is null)
            {
                // Causal attention is quadratic: predict this point from the last before paying for it.
                var predicted = attentionTimes.Count == 0 ? 0 : attentionTimes[^1].Seconds * Math.Pow(length / attentionTimes[^1].L, 2);
                if (predicted * Repeats > PointBudgetSeconds)
                    attentionStop = $"attention stopped at L = {Format.Length(length)}: predicted {Format.F(predicted, 0)} s per step (4 × the previous point) × {Repeats} repeats exceeds the {PointBudgetSeconds:F0} s budget per point";
                else
                {
                    a = Time(attention, length);
                    attentionTimes.Add((length, a.Value));
                }
            }
            output.WriteLine(Format.Row(Format.Length(length), Format.F(h, 3), a is { } s ? Format.F(s, 3) : "—", a is { } s2 ? Format.Ratio(s2 / h) : "—"));
            output.Flush();
        }
        output.WriteLine();
        output.WriteLine($"growth exponent (log-log slope): Hyena {Format.F(LogLogFit.Slope(hyenaTimes), 2)} over 1K–64K, " +
            $"{Format.F(LogLogFit.Slope(hyenaTimes.Where(p => p.L >= 8192).ToList()), 2)} over 8K–64K; " +
            $"attention {Format.F(LogLogFit.Slope(attentionTimes), 2)} over 1K–{Format.Length((long)attentionTimes[^1].L)}, " +
            $"{Format.F(LogLogFit.Slope(attentionTimes.Where(p => p.L >= 4096).ToList()), 2)} from 4K");
        if (attentionStop is not null) output.WriteLine(attentionStop + ".");
        output.WriteLine($"Mixers: HyenaOperator (d = {Width}, order 2, FFT long conv) vs in_proj → scaled_dot_product_attention(is_causal, {AttentionHeads} heads) → out_proj; batch 1, loss mean(y²), best of {Repeats}.");
        return Task.CompletedTask;
    }

    /// <summary>Best of <see cref="Repeats"/> forward + backward times of <paramref name="mixer"/> at <paramref name="length"/>.</summary>
    private static double Time(nn.Module<Tensor, Tensor> mixer, int length)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Repeats; i++)
        {
            using var scope = NewDisposeScope();
            var x = randn(1, length, Width);
            mixer.zero_grad();
            var watch = Stopwatch.StartNew();
            var loss = mixer.forward(x).square().mean();
            loss.backward();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
