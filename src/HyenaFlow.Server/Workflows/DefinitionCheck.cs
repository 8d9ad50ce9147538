using HyenaFlow.Server.Http;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Server.Workflows;

/// <summary>Reads and validates a definition exactly as the CLI does (the same reader, the same validator against
/// the same activity catalog), returning every problem at its JSON path.</summary>
internal static class DefinitionCheck
{
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Run(string? text, IActivityCatalog catalog)
    {
        if (text is null)
            return (null, [new DefinitionProblem("$", "the body is not UTF-8 text")]);
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinitionReader.Parse(text);
        }
        catch (WorkflowFormatException ex)
        {
            return (null, Problems.From(ex));
        }

        return (definition, Problems.From(WorkflowValidator.Validate(definition, catalog)));
    }
}
