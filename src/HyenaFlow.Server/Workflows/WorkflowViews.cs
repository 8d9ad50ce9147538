using HyenaFlow.Server.Http;

namespace HyenaFlow.Server.Workflows;

/// <summary>A definition in the folder; <see cref="Problem"/> is set (and the rest may be empty) when its file does
/// not read as a definition.</summary>
public sealed record WorkflowSummary(string Name, string Id, int Version, string? Description, int Stages, int Versions, string? Problem);

public sealed record ValidationReport(bool Valid, IReadOnlyList<DefinitionProblem> Errors);

public sealed record WorkflowVersion(int Number, DateTimeOffset SavedAt);
