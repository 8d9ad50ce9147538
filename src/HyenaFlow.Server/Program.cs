// `dotnet run --project src/HyenaFlow.Server` hosts the API alone; `hyenaflow serve` is the usual way in, and adds
// the built-in activities and MLflow tracking. Both build the same application (HyenaFlowServer.Build).
HyenaFlow.Server.HyenaFlowServer.Build(args).Run();

/// <summary>The entry point, named so that WebApplicationFactory can find this assembly.</summary>
internal sealed partial class Program;
