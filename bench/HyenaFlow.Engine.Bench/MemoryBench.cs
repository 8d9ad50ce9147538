using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Figure C: peak resident memory (VmHWM, each configuration in its own process) of a training step
/// (a short warm-up step, then a full one that holds gradients and AdamW state throughout) and of medium/large forward
/// passes at a reduced length; the increase over an idle process with libtorch loaded.
/// </summary>
public sealed class MemoryBench : IBenchmark
{
    public string Name => "memory";

    public string Description => "Figure C: peak RSS per configuration (training step; medium/large forward at reduced L)";

    public int Order => 3;

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        (string Config, int Length, int Batch, string Mode)[] probes =
        [
            ("tiny-1k", 1_026, 8, "train"),
            ("small-32k", 32_770, context.SmallBatch, "train"),
            ("medium-160k", 32_770, 1, "forward"),
            ("large-1m", 32_770, 1, "forward"),
        ];
        output.WriteLine(Format.Row("configuration", "L", "batch", "mode", "peak RSS MiB (VmHWM)", "Δ over idle MiB", "MiB per 1K tokens", "seconds"));
        output.WriteLine(Format.Separator(8));
        foreach (var (config, length, batch, mode) in probes)
        {
            var label = mode == "train" ? "train step (fwd+bwd+AdamW)" : "forward, no grad";
            try
            {
                var result = MemoryProbe.Measure(config, length, batch, mode, context.Threads);
                var delta = result.PeakMiB - result.BaselineMiB;
                output.WriteLine(Format.Row(config, Format.N0(length), Format.Int(batch), label,
                    Format.N0(result.PeakMiB), Format.N0(delta), Format.F(delta / (batch * length / 1024.0), 1), Format.F(result.Seconds, 1)));
            }
            catch (InvalidOperationException e)
            {
                output.WriteLine(Format.Row(config, Format.N0(length), Format.Int(batch), label, "failed", "—", "—", "—"));
                Console.Error.WriteLine(e.Message);
            }
            output.Flush();
        }
        output.WriteLine();
        output.WriteLine("Idle process (libtorch loaded) as baseline; not run: medium/large training and full-length medium/large passes " +
            "(time budget of a 2-core bench run: medium-160k at 160K tokens is ~5× small-32k at 32K per step, and training needs ~4× more memory than forward).");
        return Task.CompletedTask;
    }
}
