using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>
/// A definition made concrete for one run: parameter values fixed, matrices expanded into one node per cell,
/// nodes in a topological order (ties broken by definition order, then cell order, so the order is stable), each
/// node's inputs resolved as far as the plan can. What <c>hyenaflow runs plan FILE</c> prints
/// (<see cref="ToText"/>).
/// </summary>
public sealed class WorkflowPlan
{
    internal WorkflowPlan(WorkflowDefinition definition, IReadOnlyList<KeyValuePair<string, JsonNode?>> parameters, IReadOnlyList<PlannedStage> stages)
    {
        Definition = definition;
        Parameters = parameters;
        Stages = stages;
    }

    public WorkflowDefinition Definition { get; }

    /// <summary>Every parameter's value for this run, in definition order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Parameters { get; }

    /// <summary>The expanded stages in execution order: every stage comes after all it depends on.</summary>
    public IReadOnlyList<PlannedStage> Stages { get; }

    public PlannedStage? Find(string id) => Stages.FirstOrDefault(s => s.Id == id);

    /// <summary>Validates the definition and the given parameter values, then plans.</summary>
    /// <exception cref="WorkflowValidationException">Every problem of the definition or of the values.</exception>
    public static WorkflowPlan Create(WorkflowDefinition definition, IActivityCatalog catalog, IReadOnlyDictionary<string, JsonNode> parameterValues)
    {
        WorkflowValidator.EnsureValid(definition, catalog);
        return new WorkflowPlanner(definition, catalog, parameterValues).Plan();
    }

    public string ToText() => WorkflowPlanText.Render(this);
}
