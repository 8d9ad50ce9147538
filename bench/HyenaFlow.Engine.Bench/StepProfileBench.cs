using System.Diagnostics;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Where a training step's time goes: the whole step split into forward, backward and AdamW, then
/// forward and backward of each part of a layer at the same shapes, each alone (CPU ops are
/// synchronous, so a stopwatch around them measures them).
/// </summary>
public sealed class StepProfileBench : IBenchmark
{
    public string Name => "profile";

    public string Description => "Where a training step's time goes (forward, backward, AdamW; each part of a layer)";

    public int Order => 9;

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        Profile(output, HyenaDnaConfig.Tiny1K, 1_026, 8, repeats: 5);
        Profile(output, HyenaDnaConfig.Small32K, 32_770, context.SmallBatch, repeats: 2);
        return Task.CompletedTask;
    }

    private static void Profile(TextWriter output, HyenaDnaConfig config, int length, int batch, int repeats)
    {
        output.WriteLine($"### {config.Name} L {length} batch {batch}, mean of {repeats}");
        using (var step = new LmTrainingStep(config, length, batch))
        {
            step.Warmup();
            var (forward, backward, adam) = step.TimeParts(repeats);
            output.WriteLine($"step: forward {Format.F(forward, 3)} s, backward {Format.F(backward, 3)} s, AdamW {Format.F(adam, 3)} s, total {Format.F(forward + backward + adam, 3)} s");
        }

        manual_seed(1);
        var d = config.ModelWidth;
        using var scope = NewDisposeScope();
        var h = randn(batch, length, d);
        var layerNorm = nn.LayerNorm(d);
        var mixer = new HyenaOperator(config);
        var mlp = new Mlp(d, config.MlpWidth);
        var filter = new HyenaFilter(config);
        var u = randn(batch, d, length);
        var k = randn(d, length);
        var bias = randn(d);
        var inProj = nn.Linear(d, 3 * d);
        var shortFilter = new CausalDepthwiseConv(3 * d, config.ShortFilterOrder);
        var fc1 = nn.Linear(d, config.MlpWidth);
        var hidden = randn(batch, length, config.MlpWidth);
        Part(output, "layer norm", repeats, [h], x => layerNorm.forward(x[0]));
        Part(output, "Hyena operator (all)", repeats, [h], x => mixer.forward(x[0]));
        Part(output, "  in_proj", repeats, [h], x => inProj.forward(x[0]));
        Part(output, "  in_proj + transpose + short conv", repeats, [h], x => shortFilter.forward(inProj.forward(x[0]).transpose(1, 2)));
        Part(output, "  filter k (MLP + modulation)", repeats, [], _ => filter.Filter(length));
        Part(output, "  fft conv", repeats, [u, k, bias], x => HyenaFilter.FftConv(x[0], x[1], x[2]));
        Part(output, "  gating product", repeats, [u, u], x => x[0] * x[1]);
        Part(output, "MLP (all)", repeats, [h], x => mlp.forward(x[0]));
        Part(output, "  fc1", repeats, [h], x => fc1.forward(x[0]));
        Part(output, "  gelu", repeats, [hidden], x => nn.functional.gelu(x[0], TorchSharp.Modules.GELU.Approximate.tanh));
        Part(output, "residual add", repeats, [h, h], x => x[0] + x[1]);
        output.WriteLine();
    }

    private static void Part(TextWriter output, string name, int repeats, Tensor[] inputs, Func<Tensor[], Tensor> forward)
    {
        double forwardSeconds = 0, backwardSeconds = 0;
        for (var i = 0; i <= repeats; i++)
        {
            using var scope = NewDisposeScope();
            var leaves = inputs.Select(t => t.detach().requires_grad_(true)).ToArray();
            var watch = Stopwatch.StartNew();
            var y = forward(leaves);
            var f = watch.Elapsed.TotalSeconds;
            var grad = ones_like(y);
            watch.Restart();
            y.backward([grad]);
            var b = watch.Elapsed.TotalSeconds;
            if (i == 0) continue; // first use
            forwardSeconds += f;
            backwardSeconds += b;
        }
        output.WriteLine($"{name,-36} forward {Format.F(forwardSeconds / repeats * 1e3, 1),8} ms  backward {Format.F(backwardSeconds / repeats * 1e3, 1),8} ms");
    }
}
