using System.Collections.Concurrent;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// The FLOP/s a device reaches on a large float32 matmul, measured once per device and thread count
/// and cached for the process: the denominator of the MFU figure in training logs.
/// </summary>
public static class PeakFlops
{
    private static readonly ConcurrentDictionary<string, double> Measured = new(StringComparer.Ordinal);

    public static double Of(Device device) =>
        Measured.GetOrAdd($"{device}/{get_num_threads()}", _ => Measure(device));

    private static double Measure(Device device)
    {
        var n = device.type == DeviceType.CUDA ? 8192 : 1024;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = randn(n, n, device: device);
        var b = randn(n, n, device: device);
        matmul(a, b).Dispose(); // warm-up
        Synchronize(device);
        const int repeats = 3;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++) matmul(a, b).Dispose();
        Synchronize(device);
        return repeats * 2.0 * n * n * n / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
