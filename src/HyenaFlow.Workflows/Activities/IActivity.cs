using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// What a stage runs. An activity is glue over a library call: it reads its inputs (already resolved, artifacts
/// still as references), does the work in <see cref="ActivityContext.WorkingDirectory"/>, stores what it produced
/// through <see cref="ActivityContext.PutArtifactAsync"/> and returns one value per declared output.
/// The same instance may run several stages at once, so it keeps no per-run state.
/// </summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(
        ActivityContext context,
        IReadOnlyDictionary<string, JsonNode> inputs,
        CancellationToken cancellationToken);
}
