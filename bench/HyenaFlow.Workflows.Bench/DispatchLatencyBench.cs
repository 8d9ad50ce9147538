using HyenaFlow.Bench;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// How long the runtime takes from a stage's end to its successor's start, read from its own attempt rows
/// (FinishedAt of the predecessor, StartedAt of the successor) over a chain of no-op stages, against bare Quartz
/// chaining empty jobs on the same AdoJobStore.
/// </summary>
public sealed class DispatchLatencyBench : IBenchmark
{
    private const int ChainLength = 30;
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1.5);

    public string Name => "dispatch";

    public string Description => $"stage end → successor start over a {ChainLength}-stage no-op chain (goal p50 ≤ {Goal.TotalSeconds} s), vs bare Quartz";

    public async Task RunAsync(TextWriter output)
    {
        using var workspace = new BenchWorkspace(Name);
        var options = workspace.Options();
        var chain = GeneratedDag.Chain(ChainLength);
        FinishedRun run;
        await using (var runtime = await workspace.StartRuntimeAsync(options))
        {
            // A short run first, so that JIT and EF model building are not counted as dispatch.
            await BenchWorkspace.RunAsync(runtime, GeneratedDag.Chain(3), "warm-up", TimeSpan.FromMinutes(2));
            run = await BenchWorkspace.RunAsync(runtime, chain, "measured", TimeSpan.FromMinutes(10));
        }

        var ours = LatencySummary.Of(DispatchLatency.Of(chain, run.Attempts));
        await QuartzReference.ChainLatenciesAsync(workspace.DatabasePath("quartz-warm-up"), 3, options.MaxConcurrency);
        var quartz = LatencySummary.Of(await QuartzReference.ChainLatenciesAsync(workspace.DatabasePath("quartz"), ChainLength, options.MaxConcurrency));

        output.WriteLine(Report.Machine(options));
        output.WriteLine($"runtime (SQLite + Quartz AdoJobStore), {ChainLength} stages in {Report.Seconds(run.Recorded)} (submit to close, as recorded)");
        output.WriteLine($"  dispatch latency   {ours}");
        output.WriteLine($"bare Quartz, {ChainLength} empty jobs each scheduling the next, same store and settings");
        output.WriteLine($"  dispatch latency   {quartz}");
        output.WriteLine($"ratio runtime / Quartz: p50 {Report.Ratio(ours.P50, quartz.P50)}, p90 {Report.Ratio(ours.P90, quartz.P90)}");
        output.WriteLine($"goal p50 ≤ {Goal.TotalMilliseconds:0} ms: {(ours.P50 <= Goal.TotalMilliseconds ? "met" : "NOT met")}");
    }
}
