namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// The property names of the definition format, in canonical order (the order of workflows/schema.json, the
/// order the writer uses). The reader rejects any other property.
/// </summary>
public static class WorkflowJsonNames
{
    public const string Schema = "$schema";
    public const string Id = "id";
    public const string Version = "version";
    public const string Description = "description";
    public const string Parameters = "parameters";
    public const string Stages = "stages";

    public const string Type = "type";
    public const string Default = "default";

    public const string Uses = "uses";
    public const string With = "with";
    public const string Needs = "needs";
    public const string Matrix = "matrix";
    public const string Retry = "retry";
    public const string Resources = "resources";
    public const string Timeout = "timeout";

    public const string Include = "include";
    public const string Exclude = "exclude";

    public const string Attempts = "attempts";
    public const string Backoff = "backoff";
    public const string Delay = "delay";
    public const string MaxDelay = "maxDelay";

    public static IReadOnlyList<string> WorkflowProperties { get; } = [Schema, Id, Version, Description, Parameters, Stages];

    public static IReadOnlyList<string> ParameterProperties { get; } = [Type, Default, Description];

    public static IReadOnlyList<string> StageProperties { get; } = [Id, Uses, With, Needs, Matrix, Retry, Resources, Timeout];

    public static IReadOnlyList<string> RetryProperties { get; } = [Attempts, Backoff, Delay, MaxDelay];

    /// <summary>Matrix keys with a meaning of their own; every other matrix key is an axis.</summary>
    public static IReadOnlyList<string> MatrixReservedProperties { get; } = [Include, Exclude];
}
