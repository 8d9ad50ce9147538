using HyenaFlow.Bench;
using HyenaFlow.Cluster.Support;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// Scale-out on PostgreSQL: no-op stages per minute with one worker and with two (cluster nodes on a private
/// PostgreSQL, each with the default concurrency), against a single SQLite runner on the same DAG measured in the
/// same run. No-op stages make the figure the runtime's and the database's own; real stages scale with the work.
/// </summary>
public sealed class ClusterScalingBench : IBenchmark
{
    private const int StageCount = 200;
    private const int Seed = 42;

    public string Name => "cluster";

    public string Description => $"{StageCount} no-op stages: stages per minute with 1 vs 2 PostgreSQL cluster workers, against one SQLite runner";

    public async Task RunAsync(TextWriter output)
    {
        using var workspace = new BenchWorkspace(Name);
        await using var postgres = await PrivatePostgres.StartAsync();
        var dag = GeneratedDag.Layered(StageCount, Seed);
        var sqlite = await MeasureAsync(workspace, dag, workspace.DatabasePath(), nodes: 1);
        var one = await MeasureAsync(workspace, dag, await postgres.CreateDatabaseAsync("one"), nodes: 1);
        var two = await MeasureAsync(workspace, dag, await postgres.CreateDatabaseAsync("two"), nodes: 2);

        output.WriteLine(Report.Machine(workspace.Options()));
        output.WriteLine($"DAG: {StageCount} no-op stages in {dag.Layers} layers, {dag.Edges} edges (seed {Seed}); check-in every 7.5 s");
        output.WriteLine($"SQLite, one runner:        {sqlite}");
        output.WriteLine($"PostgreSQL, one worker:    {one}");
        output.WriteLine($"PostgreSQL, two workers:   {two}");
        output.WriteLine($"ratio two / one worker: {Report.Ratio(two.PerMinute, one.PerMinute)}; one PostgreSQL worker / SQLite: {Report.Ratio(one.PerMinute, sqlite.PerMinute)}");
    }

    private static async Task<Throughput> MeasureAsync(BenchWorkspace workspace, GeneratedDag dag, string database, int nodes)
    {
        var options = workspace.Options() with { DatabasePath = database, WorkPath = Path.Combine(workspace.Root, "work") };
        var counters = Enumerable.Range(0, nodes).Select(_ => new CountingActivity(new NoOpActivity())).ToList();
        var runtimes = counters.Select(c => new WorkflowRuntime(options, new ActivityRegistry([c]), workspace.Store)).ToList();
        try
        {
            foreach (var runtime in runtimes)
                await runtime.StartAsync(CancellationToken.None);
            await BenchWorkspace.RunAsync(runtimes[0], GeneratedDag.Chain(3), "warm-up-" + Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(2));
            counters.ForEach(c => c.Reset());
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await BenchWorkspace.RunAsync(runtimes[0], dag, "measured-" + Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(20));
            return new Throughput(StageCount, clock.Elapsed, [.. counters.Select(c => c.Executions)]);
        }
        finally
        {
            foreach (var runtime in runtimes)
                await runtime.DisposeAsync();
        }
    }

    private sealed record Throughput(int Stages, TimeSpan Wall, IReadOnlyList<int> PerNode)
    {
        public double PerMinute => Stages / Wall.TotalMinutes;

        public override string ToString() =>
            $"{PerMinute,7:0} stages/min (wall {Report.Seconds(Wall)}; executed per node {string.Join(" + ", PerNode)})";
    }

    /// <summary>The activity of one node, counting what that node executed.</summary>
    private sealed class CountingActivity(IActivity inner) : IActivity
    {
        private int _executions;

        public int Executions => _executions;

        public ActivityDescriptor Descriptor => inner.Descriptor;

        public void Reset() => _executions = 0;

        public Task<IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode> inputs, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _executions);
            return inner.ExecuteAsync(context, inputs, cancellationToken);
        }
    }
}
