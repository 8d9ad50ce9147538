using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Figure A: training tokens/s (forward + backward + AdamW step) of HyenaFlow against the PyTorch
/// reference on the same CPU and threads (goal ≥ 3×), and MFU against the matmul peak measured in
/// this run (goal ≥ 30 %). The reference runs twice: as the issue defines it (Debian's python3-torch with
/// its default netlib BLAS) and, stricter, with OpenBLAS.
/// </summary>
public sealed class ThroughputBench : IBenchmark
{
    public string Name => "throughput";

    public string Description => "Figure A: training tokens/s vs PyTorch 1.13 reference, MFU vs measured matmul peak";

    public int Order => 1;

    private sealed record Case(HyenaDnaConfig Config, int Length, int Batch, int Warmup, int Steps);

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        // The peak is measured before and after the models run and the better kept, so that a moment of
        // contention on a shared machine cannot lower it (which would flatter the MFU).
        var before = MatmulPeak.Measure();
        Case[] cases =
        [
            // Five warm-ups: in a process's first steps the JIT is still recompiling hot code on one of the cores.
            new(HyenaDnaConfig.Tiny1K, 1_026, 8, Warmup: 5, Steps: 15),
            new(HyenaDnaConfig.Small32K, 32_770, context.SmallBatch, Warmup: 1, Steps: 1),
        ];
        var rows = new List<(Case Case, double OurRate, double ForwardFlopsPerToken, double? System, double? OpenBlas)>();
        foreach (var c in cases)
        {
            Console.Error.WriteLine($"throughput: {c.Config.Name} L {c.Length} batch {c.Batch}: HyenaFlow, then the reference with Debian's BLAS and with OpenBLAS…");
            var (ours, forwardFlopsPerToken) = MeasureOurs(c);
            var system = ReferenceRate(c, context.Threads, optimisedBlas: false);
            var openBlas = PyTorchReference.BlasFolder is null ? null : ReferenceRate(c, context.Threads, optimisedBlas: true);
            rows.Add((c, c.Batch * (double)c.Length / ours, forwardFlopsPerToken, system, openBlas));
        }

        var peaks = MatmulPeak.Better(before, MatmulPeak.Measure());
        var peak = peaks.Max(p => p.GflopsPerSecond) * 1e9;
        output.WriteLine($"matmul peak (TorchSharp, {context.Threads} threads, best of 5 trials before and 5 after): " +
            string.Join("; ", peaks.Select(p => $"{p.Shape} {Format.F(p.GflopsPerSecond, 1)} GFLOP/s")));
        output.WriteLine($"PyTorch reference: {PyTorchReference.Python}, with Debian's default netlib BLAS (the goal's reference) and with OpenBLAS: {PyTorchReference.BlasDescription}");
        output.WriteLine();
        output.WriteLine(Format.Row("configuration", "L", "batch", "HyenaFlow tokens/s", "PyTorch 1.13, Debian BLAS tokens/s", "ratio (goal ≥ 3×)",
            "PyTorch 1.13 + OpenBLAS tokens/s", "ratio", "HyenaFlow MFU (goal ≥ 30 %)", "PyTorch + OpenBLAS MFU", "HyenaFlow s/step"));
        output.WriteLine(Format.Separator(11));
        foreach (var (c, ourRate, forwardFlopsPerToken, system, openBlas) in rows)
        {
            double Mfu(double tokensPerSecond) => 3 * forwardFlopsPerToken * tokensPerSecond / peak;
            string Rate(double? rate) => rate is { } r ? Format.N0(r) : "n/a";
            string Ratio(double? rate) => rate is { } r ? Format.Ratio(ourRate / r) : "n/a";
            output.WriteLine(Format.Row(c.Config.Name, Format.N0(c.Length), Format.Int(c.Batch),
                Format.N0(ourRate), Rate(system), Ratio(system), Rate(openBlas), Ratio(openBlas),
                Format.Percent(Mfu(ourRate)), openBlas is { } r ? Format.Percent(Mfu(r)) : "n/a",
                Format.F(c.Batch * (double)c.Length / ourRate, 2)));
        }

        output.WriteLine();
        output.WriteLine("tokens/s: batch × L ÷ the median timed step, on both sides (" +
            string.Join("; ", cases.Select(c => $"{c.Config.Name}: {c.Steps} timed after {c.Warmup} full-length warm-up")) + ").");
        output.WriteLine("MFU = 3 × forward FLOPs/token (HyenaDnaModel.ForwardFlopsPerToken: dense layers, filter MLP, FFTs) × tokens/s ÷ matmul peak above.");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Median seconds per step (the reference reports its median too), and the model's forward FLOPs per
    /// token (as in HyenaDnaModel.EstimateMfu).
    /// </summary>
    private static (double Seconds, double ForwardFlopsPerToken) MeasureOurs(Case c)
    {
        using var step = new LmTrainingStep(c.Config, c.Length, c.Batch);
        var sorted = step.Time(c.Warmup, c.Steps, fullLengthWarmup: true).Order().ToList();
        var seconds = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return (seconds, step.Model.ForwardFlopsPerToken(c.Length, c.Batch));
    }

    private static double? ReferenceRate(Case c, int threads, bool optimisedBlas)
    {
        try
        {
            return PyTorchReference.Run(threads, optimisedBlas, "--config", c.Config.Name, "--length", Format.Int(c.Length),
                "--batch", Format.Int(c.Batch),
                "--warmup", Format.Int(c.Warmup),
                "--warmup-length", Format.Int(c.Length),
                "--steps", Format.Int(c.Steps)).GetProperty("tokens_per_second").GetDouble();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"reference skipped: {e.Message}");
            return null;
        }
    }
}
