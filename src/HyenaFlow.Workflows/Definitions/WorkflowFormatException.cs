namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// A definition that is not JSON at all (or not a JSON object): the message names the file, the 1-based line and
/// column and the JSON path where reading stopped, so an editor can jump there.
/// </summary>
public sealed class WorkflowFormatException : Exception
{
    public WorkflowFormatException(string? file, long line, long column, string jsonPath, string problem, Exception? inner = null)
        : base($"{file ?? "<workflow>"}:{line}:{column}: {problem} (at {jsonPath})", inner)
    {
        File = file;
        Line = line;
        Column = column;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public string? File { get; }

    public long Line { get; }

    public long Column { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}
