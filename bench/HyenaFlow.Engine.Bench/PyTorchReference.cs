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
/// OpenBLAS is installed (≈10× slower matmuls): a straw man. So the reference is given OpenBLAS when
/// one is found — <c>HYENAFLOW_REFERENCE_BLAS</c> (a folder holding libblas.so.3) or Debian's
/// openblas-pthread folder — and says which BLAS it ran with.
/// </remarks>
public static class PyTorchReference
{
    private const string DebianOpenBlas = "/usr/lib/x86_64-linux-gnu/openblas-pthread";

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

    public static string BlasDescription => BlasFolder is { } folder ? $"OpenBLAS ({folder})" : "system libblas.so.3 (likely netlib reference BLAS: slow)";

    /// <summary>Runs the reference; throws with its error output when it fails.</summary>
    public static JsonElement Run(int threads, params string[] arguments)
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
        if (BlasFolder is { } blas)
        {
            var existing = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            start.Environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(existing) ? blas : $"{blas}:{existing}";
        }

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
