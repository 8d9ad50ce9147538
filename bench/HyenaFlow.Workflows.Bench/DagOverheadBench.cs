using System.Diagnostics;
using HyenaFlow.Bench;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// The runtime's cost on a generated 500-stage DAG of no-op activities (layered, random fan-out and fan-in,
/// seeded): wall time, stages per second and overhead per stage, against the same activities executed by a plain
/// in-process topological loop and against bare Quartz firing 500 empty jobs on the same AdoJobStore.
/// </summary>
public sealed class DagOverheadBench : IBenchmark
{
    private const int StageCount = 500;
    private const int Seed = 42;
    private const double ReasonableOverheadMs = 100;

    public string Name => "dag-500";

    public string Description => $"{StageCount}-stage generated no-op DAG: wall time and overhead per stage vs a plain topological loop and bare Quartz";

    public async Task RunAsync(TextWriter output)
    {
        using var workspace = new BenchWorkspace(Name);
        var options = workspace.Options();
        var dag = GeneratedDag.Layered(StageCount, Seed);
        FinishedRun run;
        TimeSpan wall;
        await using (var runtime = await workspace.StartRuntimeAsync(options))
        {
            await BenchWorkspace.RunAsync(runtime, GeneratedDag.Chain(3), "warm-up", TimeSpan.FromMinutes(2));
            var clock = Stopwatch.StartNew();
            run = await BenchWorkspace.RunAsync(runtime, dag, "measured", TimeSpan.FromMinutes(20));
            wall = clock.Elapsed;
        }

        var latency = LatencySummary.Of(DispatchLatency.Of(dag, run.Attempts));
        var loop = await TopologicalLoop.RunAsync(dag, new NoOpActivity(), workspace.Store, workspace.Root);
        await QuartzReference.FireAllAsync(workspace.DatabasePath("quartz-warm-up"), 3, options.MaxConcurrency);
        var quartz = await QuartzReference.FireAllAsync(workspace.DatabasePath("quartz"), StageCount, options.MaxConcurrency);

        var perStage = (wall - loop).TotalMilliseconds / StageCount;
        output.WriteLine(Report.Machine(options));
        output.WriteLine($"DAG: {StageCount} stages in {dag.Layers} layers, {dag.Edges} edges (seed {Seed})");
        output.WriteLine($"runtime (SQLite + Quartz AdoJobStore): wall {Report.Seconds(wall)} (submit to seen finished; recorded submit to close {Report.Seconds(run.Recorded)})");
        output.WriteLine($"  {StageCount / wall.TotalSeconds:0.0} stages/s, overhead {perStage:0.0} ms per stage");
        output.WriteLine($"  start minus the last need's end (dispatch plus waiting for a free worker) {latency}");
        output.WriteLine($"plain in-process topological loop, same activity: {loop.TotalMilliseconds:0.000} ms ({StageCount / loop.TotalSeconds:0} stages/s)");
        output.WriteLine($"bare Quartz, {StageCount} empty jobs scheduled one by one, same store and settings: {Report.Seconds(quartz)} ({StageCount / quartz.TotalSeconds:0.0} jobs/s)");
        output.WriteLine($"ratio runtime / bare Quartz: {Report.Ratio(wall.TotalMilliseconds, quartz.TotalMilliseconds)}; runtime / loop: {Report.Ratio(wall.TotalMilliseconds, loop.TotalMilliseconds)}");
        output.WriteLine($"overhead ≤ {ReasonableOverheadMs:0} ms per stage: {(perStage <= ReasonableOverheadMs ? "met" : "NOT met")}");
    }
}
