using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Definitions.Planning;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>The plan of each run, rebuilt from the definition and parameters stored with it (the same inputs give
/// the same plan, so a restarted process sees the DAG the run started with).</summary>
internal sealed class RunPlans(IActivityCatalog catalog)
{
    private readonly ConcurrentDictionary<string, WorkflowPlan> _plans = new();

    public WorkflowPlan For(RunRecord run) => _plans.GetOrAdd(run.Id, _ => Create(run.DefinitionJson, run.ParametersJson));

    public WorkflowPlan Create(string definitionJson, string parametersJson)
    {
        var definition = WorkflowDefinitionReader.Parse(definitionJson);
        var parameters = JsonNode.Parse(parametersJson)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.DeepClone());
        return WorkflowPlan.Create(definition, catalog, parameters);
    }
}
