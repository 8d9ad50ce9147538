using System.Diagnostics;
using System.Text.Json;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Runs this program again in one of its probe modes and reads the JSON line it prints last: a measurement
/// in a fresh process owns its peak memory, and the heap it keeps (freed memory stays in the process) is
/// returned to the machine when it exits.
/// </summary>
public static class ChildProcess
{
    public static T RunJson<T>(string verb, params string[] arguments)
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var start = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var call = $"{verb} {string.Join(' ', arguments)}";
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{call} failed (exit {process.ExitCode}): {errors.Result.Trim()}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{call} printed no result.");
        return JsonSerializer.Deserialize<T>(line) ?? throw new InvalidOperationException($"{call} printed no result.");
    }
}
