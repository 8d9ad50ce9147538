using System.Text.Json;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Figure A: training tokens/s (forward + backward + AdamW step) of HyenaFlow against the PyTorch
/// reference on the same CPU and threads (goal ≥ 3×), and MFU against the matmul peak measured in
/// this run (goal ≥ 30 %).
/// </summary>
public sealed class ThroughputBench : IBenchmark
{
    public string Name => "throughput";

    public string Description => "Figure A: training tokens/s vs PyTorch 1.13 reference, MFU vs measured matmul peak";

    public int Order => 1;

    private sealed record Case(HyenaDnaConfig Config, int Length, int Batch, int Warmup, int Steps);

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        var peaks = MatmulPeak.Measure();
        var peak = peaks.Max(p => p.GflopsPerSecond) * 1e9;
        output.WriteLine($"matmul peak (TorchSharp, {context.Threads} threads): " +
            string.Join("; ", peaks.Select(p => $"{p.Shape} {Format.F(p.GflopsPerSecond, 1)} GFLOP/s")));
        output.WriteLine($"PyTorch reference: {PyTorchReference.Python} with {PyTorchReference.BlasDescription}");
        output.WriteLine();

        Case[] cases =
        [
            new(HyenaDnaConfig.Tiny1K, 1_026, 8, Warmup: 1, Steps: 3),
            new(HyenaDnaConfig.Small32K, 32_770, context.SmallBatch, Warmup: 1, Steps: 1),
        ];
        output.WriteLine(Format.Row("configuration", "L", "batch", "HyenaFlow tokens/s", "PyTorch 1.13 tokens/s", "ratio (goal ≥ 3×)",
            "HyenaFlow MFU (goal ≥ 30 %)", "PyTorch MFU", "HyenaFlow s/step", "PyTorch s/step"));
        output.WriteLine(Format.Separator(10));
        foreach (var c in cases)
        {
            var (ours, forwardFlopsPerToken) = MeasureOurs(c);
            var theirs = MeasureReference(c, context.Threads);
            var ourRate = c.Batch * (double)c.Length / ours;
            double Mfu(double tokensPerSecond) => 3 * forwardFlopsPerToken * tokensPerSecond / peak;
            var theirRate = theirs?.GetProperty("tokens_per_second").GetDouble();
            var theirStep = theirs?.GetProperty("mean_step_seconds").GetDouble();
            output.WriteLine(Format.Row(c.Config.Name, Format.N0(c.Length), Format.Int(c.Batch),
                Format.N0(ourRate), theirRate is { } r ? Format.N0(r) : "n/a", theirRate is { } r2 ? Format.Ratio(ourRate / r2) : "n/a",
                Format.Percent(Mfu(ourRate)), theirRate is { } r3 ? Format.Percent(Mfu(r3)) : "n/a",
                Format.F(ours, 2), theirStep is { } s ? Format.F(s, 2) : "n/a"));
            output.Flush();
        }
        output.WriteLine();
        output.WriteLine("MFU = 3 × forward FLOPs/token (HyenaDnaModel.ForwardFlopsPerToken: dense layers, filter MLP, FFTs) × tokens/s ÷ matmul peak above.");
        return Task.CompletedTask;
    }

    /// <summary>Mean seconds per step, and the model's forward FLOPs per token (as in HyenaDnaModel.EstimateMfu).</summary>
    private static (double Seconds, double ForwardFlopsPerToken) MeasureOurs(Case c)
    {
        using var step = new LmTrainingStep(c.Config, c.Length, c.Batch);
        var seconds = step.Time(c.Warmup, c.Steps).Average();
        return (seconds, step.Model.ForwardFlopsPerToken(c.Length, c.Batch));
    }

    private static JsonElement? MeasureReference(Case c, int threads)
    {
        try
        {
            return PyTorchReference.Run(threads, "--config", c.Config.Name, "--length", Format.Int(c.Length),
                "--batch", Format.Int(c.Batch),
                "--warmup", Format.Int(c.Warmup),
                "--warmup-length", Format.Int(LmTrainingStep.WarmupLength),
                "--steps", Format.Int(c.Steps));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"reference skipped: {e.Message}");
            return null;
        }
    }
}
