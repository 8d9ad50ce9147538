using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// noop@1: does nothing, so that a run's time is the runtime's own. Its inputs only make every stage's cache key
/// distinct (the stage id, and a nonce per run), so no stage is ever served from the cache instead of executed.
/// </summary>
public sealed class NoOpActivity : IActivity
{
    public const string Reference = "noop@1";

    public ActivityDescriptor Descriptor { get; } = new("noop", "1", "bench", "does nothing (measures the runtime)",
        [
            new InputDescriptor("stage", DataType.String, true, null, "the stage's own id, to keep cache keys apart"),
            new InputDescriptor("nonce", DataType.String, false, JsonValue.Create(""), "differs per run, to keep runs apart"),
        ],
        [new OutputDescriptor("done", DataType.Boolean, "always true")],
        Resources.Cpu);

    public Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonNode>>(new Dictionary<string, JsonNode> { ["done"] = JsonValue.Create(true) });
}
