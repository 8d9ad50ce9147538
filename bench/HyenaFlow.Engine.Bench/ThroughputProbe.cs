using System.Globalization;
using System.Text.Json;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Child-process side of Figure A's HyenaFlow column: one configuration timed in a fresh process, so that
/// neither the heap an earlier case kept nor this one's is still held while the reference runs next.
/// Arguments: config length batch warmup steps threads. Prints one JSON line.
/// </summary>
public static class ThroughputProbe
{
    public const string Verb = "--probe-throughput";

    /// <param name="MedianSeconds">Median of the timed steps (the reference reports its median too).</param>
    /// <param name="ForwardFlopsPerToken">As in HyenaDnaModel.EstimateMfu.</param>
    /// <param name="PeakMiB">VmHWM of the process after its steps.</param>
    public sealed record Result(double MedianSeconds, double ForwardFlopsPerToken, double PeakMiB);

    public static int Run(string[] args)
    {
        if (args.Length != 6)
        {
            Console.Error.WriteLine($"usage: {Verb} <config> <length> <batch> <warmup> <steps> <threads>");
            return 2;
        }
        int Arg(int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
        var (length, batch, warmup, steps) = (Arg(1), Arg(2), Arg(3), Arg(4));
        TorchSettings.UseThreads(Arg(5));
        using var step = new LmTrainingStep(HyenaDnaConfig.FromName(args[0]), length, batch);
        var median = SampleStatistics.Median(step.Time(warmup, steps, fullLengthWarmup: true));
        Console.WriteLine(JsonSerializer.Serialize(new Result(median, step.Model.ForwardFlopsPerToken(length, batch), ProcessMemory.PeakMiB())));
        return 0;
    }

    public static Result Measure(HyenaDnaConfig config, int length, int batch, int warmup, int steps, int threads) =>
        ChildProcess.RunJson<Result>(Verb, config.Name, Format.Int(length), Format.Int(batch), Format.Int(warmup), Format.Int(steps), Format.Int(threads));
}
