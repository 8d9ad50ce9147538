using static TorchSharp.torch;

namespace HyenaFlow.Engine;

/// <summary>Process-wide torch settings every host applies once before using the engine.</summary>
public static class TorchSettings
{
    /// <summary>
    /// Intra-op threads for CPU work. Make it a setting: with other processes busy, more
    /// threads can make small ops far slower; tests and CI use 1.
    /// </summary>
    public static void UseThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        set_num_threads(threads);
    }

    /// <summary>"cuda" when a CUDA device is usable (CUDA LibTorch build), otherwise "cpu"; or the device named.</summary>
    public static Device SelectDevice(string? requested = null) => requested switch
    {
        null or "" or "auto" => cuda.is_available() ? CUDA : CPU,
        _ => device(requested),
    };
}
