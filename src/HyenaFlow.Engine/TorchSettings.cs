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

    /// <summary>
    /// "auto" (or nothing): CUDA when LibTorch can use a GPU (the CUDA build, -p:HyenaFlowTorchBackend=cuda, on a
    /// GPU host), otherwise the CPU. "cpu", "cuda" or "cuda:N": that device. CUDA without a usable GPU is refused
    /// here with what to do about it, rather than by LibTorch's own message deep inside the first tensor operation.
    /// </summary>
    public static Device SelectDevice(string? requested = null)
    {
        var name = requested?.Trim().ToLowerInvariant() ?? "";
        if (name is "" or "auto")
            return cuda.is_available() ? CUDA : CPU;
        if (name == "cpu")
            return CPU;
        if (name != "cuda" && !name.StartsWith("cuda:", StringComparison.Ordinal))
            throw new ArgumentException($"device '{requested}': expected cpu, cuda, cuda:N or auto");
        if (!cuda.is_available())
            throw new InvalidOperationException($"Device '{requested}' was asked for but CUDA is not available (build with -p:HyenaFlowTorchBackend=cuda on a machine with a GPU, or use 'cpu' or 'auto').");
        return device(name);
    }
}
