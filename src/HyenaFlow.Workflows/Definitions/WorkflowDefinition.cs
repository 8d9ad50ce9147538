namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// A workflow as data: what a researcher writes by hand in <c>workflows/*.json</c> and what the Studio draws.
/// Nothing in a definition runs code; <c>${{ }}</c> expressions in stage inputs are references only.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string? Description,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<StageDefinition> Stages)
{
    /// <summary>The optional <c>$schema</c> an editor uses to find <c>workflows/schema.json</c>; kept so files round-trip.</summary>
    public string? Schema { get; init; }

    /// <summary>Problems the reader found in the JSON's shape (unknown properties, wrong JSON kinds, unreadable
    /// values), each with its path. Empty for a definition built in code. The validator reports them first.</summary>
    public IReadOnlyList<ValidationError> ReadProblems { get; init; } = [];

    public ParameterDefinition? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public int IndexOfStage(string id)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Id == id)
                return i;
        }

        return -1;
    }
}
