using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Workflows.Bench;

/// <summary>How the workflow benchmarks print numbers, and the facts about the machine that qualify them.</summary>
public static class Report
{
    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.00} s";

    public static string Ratio(double ours, double reference) => reference > 0 ? $"{ours / reference:0.0}×" : "n/a";

    /// <summary>Cores, load and the runtime's concurrency: a shared machine's figures mean little without them.</summary>
    public static string Machine(RuntimeOptions options)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        return $"machine: {Environment.ProcessorCount} cores, load {load}; runtime: {options.MaxConcurrency} concurrent stage(s), sweep every {options.SweepInterval.TotalSeconds:0.#} s";
    }
}
