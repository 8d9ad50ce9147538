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
        // The issue asks for the largest 32K-class batch that fits; found by running it unless given.
        var fit = context.SmallBatchOption is null ? BatchFit.Largest(HyenaDnaConfig.Small32K, 32_770, context.Threads) : null;
        var smallBatch = context.SmallBatchOption ?? fit!.Batch;
        Case[] cases =
        [
            // Five warm-ups: in a process's first steps the JIT is still recompiling hot code on one of the cores.
            new(HyenaDnaConfig.Tiny1K, 1_026, 8, Warmup: 5, Steps: 15),
            new(HyenaDnaConfig.Small32K, 32_770, smallBatch, Warmup: 1, Steps: 1),
        ];
        var rows = new List<(Case Case, ThroughputProbe.Result Ours, double? System, double? OpenBlas)>();
        foreach (var c in cases)
        {
            Console.Error.WriteLine($"throughput: {c.Config.Name} L {c.Length} batch {c.Batch}: HyenaFlow, then the reference with Debian's BLAS and with OpenBLAS…");
            // Each side in a fresh process, one after the other: neither holds memory while the other runs.
            var ours = fit is not null && c.Config == HyenaDnaConfig.Small32K
                ? fit.Chosen
                : ThroughputProbe.Measure(c.Config, c.Length, c.Batch, c.Warmup, c.Steps, context.Threads);
            var system = ReferenceRate(c, context.Threads, optimisedBlas: false);
            var openBlas = PyTorchReference.BlasFolder is null ? null : ReferenceRate(c, context.Threads, optimisedBlas: true);
            rows.Add((c, ours, system, openBlas));
        }

        var peaks = MatmulPeak.Better(before, MatmulPeak.Measure());
        var peak = peaks.Max(p => p.GflopsPerSecond) * 1e9;
        output.WriteLine($"matmul peak (TorchSharp, {context.Threads} threads, best of 5 trials before and 5 after): " +
            string.Join("; ", peaks.Select(p => $"{p.Shape} {Format.F(p.GflopsPerSecond, 1)} GFLOP/s")));
        output.WriteLine(fit is null ? $"small-32k batch {smallBatch}, as given (--small-batch)" : $"small-32k {fit.Describe()}");
        output.WriteLine($"PyTorch reference: {PyTorchReference.Python}, with Debian's default netlib BLAS (the goal's reference) and with OpenBLAS: {PyTorchReference.BlasDescription}");
        output.WriteLine();
        output.WriteLine(Format.Row("configuration", "L", "batch", "HyenaFlow tokens/s", "PyTorch 1.13, Debian BLAS tokens/s", "ratio (goal ≥ 3×)",
            "PyTorch 1.13 + OpenBLAS tokens/s", "ratio", "HyenaFlow MFU (goal ≥ 30 %)", "PyTorch + OpenBLAS MFU", "HyenaFlow s/step", "HyenaFlow peak RSS MiB"));
        output.WriteLine(Format.Separator(12));
        foreach (var (c, ours, system, openBlas) in rows)
        {
            var ourRate = c.Batch * (double)c.Length / ours.MedianSeconds;
            double Mfu(double tokensPerSecond) => 3 * ours.ForwardFlopsPerToken * tokensPerSecond / peak;
            string Rate(double? rate) => rate is { } r ? Format.N0(r) : "n/a";
            string Ratio(double? rate) => rate is { } r ? Format.Ratio(ourRate / r) : "n/a";
            output.WriteLine(Format.Row(c.Config.Name, Format.N0(c.Length), Format.Int(c.Batch),
                Format.N0(ourRate), Rate(system), Ratio(system), Rate(openBlas), Ratio(openBlas),
                Format.Percent(Mfu(ourRate)), openBlas is { } r ? Format.Percent(Mfu(r)) : "n/a",
                Format.F(ours.MedianSeconds, 2), Format.N0(ours.PeakMiB)));
        }

        output.WriteLine();
        output.WriteLine("tokens/s: batch × L ÷ the median timed step, on both sides (" +
            string.Join("; ", cases.Select(c => $"{c.Config.Name}: {c.Steps} timed after {c.Warmup} full-length warm-up")) + ").");
        output.WriteLine("MFU = 3 × forward FLOPs/token (HyenaDnaModel.ForwardFlopsPerToken: dense layers, filter MLP, FFTs) × tokens/s ÷ matmul peak above.");
        return Task.CompletedTask;
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
