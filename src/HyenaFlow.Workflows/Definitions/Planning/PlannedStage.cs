using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions.Matrix;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>
/// One node of the expanded DAG: a stage, or one cell of a matrix stage (<see cref="Id"/> is then the expanded id,
/// e.g. <c>finetune[arm=32k-main]</c>), with its activity, effective resources, the nodes it waits for and its
/// inputs (literal where the plan could resolve them, pending where they wait on upstream outputs).
/// </summary>
public sealed record PlannedStage(
    string Id,
    string StageId,
    int StageIndex,
    MatrixCell? Cell,
    ActivityDescriptor Activity,
    Resources Resources,
    RetryPolicy? Retry,
    Duration? Timeout,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<PlannedInput> Inputs)
{
    public PlannedInput? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}
