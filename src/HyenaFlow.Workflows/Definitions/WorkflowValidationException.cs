namespace HyenaFlow.Workflows.Definitions;

/// <summary>A definition (or the parameter values of a run) with problems; every one is listed, by JSON path.</summary>
public sealed class WorkflowValidationException : Exception
{
    public WorkflowValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors) =>
        $"the workflow has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}:\n" + string.Join("\n", errors.Select(e => "  " + e));
}
