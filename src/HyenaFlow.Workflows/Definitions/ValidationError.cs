namespace HyenaFlow.Workflows.Definitions;

/// <summary>One problem in a definition, at the JSON path where it is (e.g. <c>$.stages[3].with.length</c>).</summary>
public sealed record ValidationError(string JsonPath, string Message)
{
    public override string ToString() => $"{JsonPath}: {Message}";
}
