using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Child-process side of Figure C: one configuration in a fresh process, so VmHWM is that
/// configuration's peak. Arguments: config length batch train|forward threads. Prints one JSON line.
/// </summary>
public static class MemoryProbe
{
    public const string Verb = "--probe-memory";

    public sealed record Result(double BaselineMiB, double PeakMiB, double Seconds);

    public static int Run(string[] args)
    {
        if (args.Length != 5 || args[3] is not ("train" or "forward"))
        {
            Console.Error.WriteLine($"usage: {Verb} <config> <length> <batch> train|forward <threads>");
            return 2;
        }
        var config = HyenaDnaConfig.FromName(args[0]);
        var length = int.Parse(args[1], CultureInfo.InvariantCulture);
        var batch = int.Parse(args[2], CultureInfo.InvariantCulture);
        TorchSettings.UseThreads(int.Parse(args[4], CultureInfo.InvariantCulture));
        zeros(1).Dispose(); // loads libtorch: the baseline is an idle process with the native library mapped
        var baseline = ProcessMemory.ResidentMiB();
        var watch = Stopwatch.StartNew();
        if (args[3] == "train")
        {
            using var step = new LmTrainingStep(config, length, batch);
            // After a short warm-up step, the full step holds gradients and AdamW state throughout:
            // the steady-state peak of training.
            step.Warmup();
            step.Step();
        }
        else
        {
            using var model = new HyenaDnaModel(config);
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var ids = randint(7, 11, [batch, length], dtype: int64);
            model.forward(ids).sum().item<float>();
        }
        Console.WriteLine(JsonSerializer.Serialize(new Result(baseline, ProcessMemory.PeakMiB(), watch.Elapsed.TotalSeconds)));
        return 0;
    }

    /// <summary>Starts this program in probe mode and returns the child's figures.</summary>
    public static Result Measure(string config, int length, int batch, string mode, int threads) =>
        ChildProcess.RunJson<Result>(Verb, config, Format.Int(length), Format.Int(batch), mode, Format.Int(threads));
}
