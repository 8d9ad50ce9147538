using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json.Nodes;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// The reference without any runtime: the same activity, executed stage by stage in one process in topological
/// order (Kahn's algorithm), with no persistence, no scheduler and no recovery.
/// </summary>
public static class TopologicalLoop
{
    public static async Task<TimeSpan> RunAsync(GeneratedDag dag, IActivity activity, IArtifactStore artifacts, string scratch)
    {
        var clock = Stopwatch.StartNew();
        var waitingFor = dag.Stages.ToDictionary(s => s.Id, s => s.Needs.Count, StringComparer.Ordinal);
        var dependents = dag.Stages
            .SelectMany(s => s.Needs.Select(n => (Need: n, Stage: s.Id)))
            .ToLookup(e => e.Need, e => e.Stage, StringComparer.Ordinal);
        var ready = new Queue<string>(dag.Stages.Where(s => s.Needs.Count == 0).Select(s => s.Id));
        var executed = 0;
        while (ready.TryDequeue(out var stageId))
        {
            var context = new ActivityContext("reference", stageId, 1, scratch, scratch, artifacts, _ => { });
            var inputs = new Dictionary<string, JsonNode> { ["stage"] = JsonValue.Create(stageId), ["nonce"] = JsonValue.Create("reference") };
            await activity.ExecuteAsync(context, inputs, CancellationToken.None).ConfigureAwait(false);
            executed++;
            foreach (var dependent in dependents[stageId])
            {
                if (--waitingFor[dependent] == 0)
                    ready.Enqueue(dependent);
            }
        }

        if (executed != dag.Stages.Count)
            throw new InvalidOperationException($"the topological loop executed {executed} of {dag.Stages.Count} stages: the DAG has a cycle");
        return clock.Elapsed;
    }
}
