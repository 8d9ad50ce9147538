using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HyenaFlow.Analysis.Bench;

/// <summary>Runs the npm package umap-js (installed under js/) through node on a matrix file.</summary>
public sealed class UmapJs
{
    private readonly string _folder;

    private UmapJs(string folder) => _folder = folder;

    public sealed record Run(float[,] Embedding, double FitSeconds, double ProcessSeconds);

    /// <summary>Finds js/ and makes sure its node_modules are installed (npm ci from the committed lock file); null with a reason when it cannot.</summary>
    public static UmapJs? Locate(TextWriter output)
    {
        string? folder = Candidates().FirstOrDefault(f => File.Exists(Path.Combine(f, "run-umap.js")));
        if (folder is null)
        {
            output.WriteLine("umap-js: js/run-umap.js not found (run from the repository root or set HYENAFLOW_UMAPJS_DIR); skipping it.");
            return null;
        }

        if (!Directory.Exists(Path.Combine(folder, "node_modules", "umap-js")))
        {
            output.WriteLine($"umap-js: installing with npm ci in {folder}");
            var (code, text) = Execute("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                output.WriteLine($"umap-js: npm ci failed ({code}): {text.Trim()}; skipping it.");
                return null;
            }
        }

        return new UmapJs(folder);
    }

    public Run Fit(string dataFile, int neighbors, float minDist, int epochs, int seed, TimeSpan timeout)
    {
        string outputFile = Path.ChangeExtension(dataFile, ".umapjs.bin");
        string options = JsonSerializer.Serialize(new { nNeighbors = neighbors, minDist, spread = 1.0, nEpochs = epochs, nComponents = 2, seed });
        var clock = Stopwatch.StartNew();
        var (code, text) = Execute("node", [Path.Combine(_folder, "run-umap.js"), dataFile, outputFile, options], _folder, timeout);
        double processSeconds = clock.Elapsed.TotalSeconds;
        if (code != 0)
            throw new InvalidOperationException($"umap-js exited with {code}: {text.Trim()}");
        double fitSeconds = JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement.GetProperty("fitSeconds").GetDouble();
        return new Run(MatrixFile.Read(outputFile), fitSeconds, processSeconds);
    }

    private static IEnumerable<string> Candidates([CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("HYENAFLOW_UMAPJS_DIR") is { Length: > 0 } configured)
            yield return configured;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, "bench", "HyenaFlow.Analysis.Bench", "js");
        if (Path.GetDirectoryName(source) is { } sourceFolder)
            yield return Path.Combine(sourceFolder, "js");
    }

    private static (int Code, string Output) Execute(string program, string[] arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalMinutes:F0} min");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
