using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// One stage: an activity (<paramref name="Uses"/> = <c>name@version</c>) with its inputs, explicit dependencies,
/// an optional matrix that fans it out, and how it is retried, where it runs and how long it may take.
/// Null means "not given" (the activity's or runtime's default applies).
/// </summary>
public sealed record StageDefinition(
    string Id,
    string Uses,
    IReadOnlyList<StageInput> With,
    IReadOnlyList<string> Needs,
    MatrixDefinition? Matrix,
    RetryPolicy? Retry,
    Resources? Resources,
    Duration? Timeout)
{
    public StageInput? FindInput(string name) => With.FirstOrDefault(i => i.Name == name);
}
