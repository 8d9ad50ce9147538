using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Server.Http;

/// <summary>One problem of a definition or of a run's parameters, at its JSON path (<c>$.stages[1].with.n</c>);
/// line and column only for text that is not JSON at all.</summary>
public sealed record DefinitionProblem(string Path, string Message, long? Line = null, long? Column = null);

/// <summary>The error responses of the API, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public const string InvalidDefinitionTitle = "The workflow definition has problems";

    public static IResult Invalid(IReadOnlyList<DefinitionProblem> problems, string title = InvalidDefinitionTitle) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("\n", problems.Select(p => $"{p.Path}: {p.Message}")),
            extensions: new Dictionary<string, object?> { ["errors"] = problems });

    public static IReadOnlyList<DefinitionProblem> From(IEnumerable<ValidationError> errors) =>
        errors.Select(e => new DefinitionProblem(e.JsonPath, e.Message)).ToList();

    public static IReadOnlyList<DefinitionProblem> From(WorkflowFormatException error) =>
        [new DefinitionProblem(error.JsonPath, error.Problem, error.Line, error.Column)];

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");
}
