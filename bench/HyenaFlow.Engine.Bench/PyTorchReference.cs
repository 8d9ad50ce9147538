using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Runs reference/hyenadna_reference.py (plain PyTorch, the same model written from the specification)
/// with the same thread count and returns its JSON answer.
/// </summary>
/// <remarks>
/// Debian's python3-torch links the system libblas.so.3, which is netlib's reference BLAS unless
/// OpenBLAS is installed (≈10× slower matmuls). That is the reference the engine issue defines its goal
/// against; the benchmark also runs a stricter one, given OpenBLAS when one is found —
/// <c>HYENAFLOW_REFERENCE_BLAS</c> (a folder holding libblas.so.3) or Debian's openblas-pthread folder.
/// </remarks>
public static class PyTorchReference
{
    private const string DebianOpenBlas = "/usr/lib/x86_64-linux-gnu/openblas-pthread";

    // Debian's libblas3 and liblapack3 (netlib): what python3-torch runs on when nothing else is installed. Named
    // explicitly because installing OpenBLAS silently switches the system's libblas.so.3 to it.
    private static readonly string[] DebianNetlib = ["/usr/lib/x86_64-linux-gnu/blas", "/usr/lib/x86_64-linux-gnu/lapack"];

    public static string Python => Environment.GetEnvironmentVariable("HYENAFLOW_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "reference", "hyenadna_reference.py");

    /// <summary>The folder with an optimised libblas.so.3 handed to the reference, or null (system BLAS).</summary>
    public static string? BlasFolder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HYENAFLOW_REFERENCE_BLAS");
            foreach (var folder in new[] { configured, DebianOpenBlas })
                if (!string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, "libblas.so.3")))
                    return folder;
            return null;
        }
    }

    public static string BlasDescription => BlasFolder is { } folder ? $"OpenBLAS ({folder})" : "none found (the stricter reference is skipped)";

    /// <summary>Runs the reference, with Debian's default (netlib) BLAS or with <see cref="BlasFolder"/>'s; throws with its error output when it fails.</summary>
    public static JsonElement Run(int threads, bool optimisedBlas, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--threads");
        start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        var threadText = threads.ToString(CultureInfo.InvariantCulture);
        start.Environment["OMP_NUM_THREADS"] = threadText;
        start.Environment["OPENBLAS_NUM_THREADS"] = threadText;
        start.Environment["MKL_NUM_THREADS"] = threadText;
        string[] libraries = optimisedBlas
            ? [BlasFolder ?? throw new InvalidOperationException("no OpenBLAS folder: apt-get install libopenblas0-pthread or set HYENAFLOW_REFERENCE_BLAS")]
            : [.. DebianNetlib.Where(Directory.Exists)];
        var existing = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        start.Environment["LD_LIBRARY_PATH"] = string.Join(':', libraries.Append(existing).Where(f => !string.IsNullOrEmpty(f)));

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PyTorch reference failed (exit {process.ExitCode}): {errors.Result.Trim()}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }
}
