using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs show RUN</c>: the run's stages, attempts and outputs.</summary>
public sealed class RunsShowCommand : CliCommand
{
    public override string Name => "runs show";

    public override string Summary => "Show a run: each stage's status, timing, attempts, error and outputs.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("RUN", "Run id (from `runs list`).")];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        var queries = new RunQueries(runtime.Database);
        var run = await queries.RunAsync(args.Positionals[0], cancellationToken);
        var o = context.Out;
        o.WriteLine($"run {run.Id}  workflow {run.WorkflowId} v{run.WorkflowVersion}  {run.Status.ToString().ToLowerInvariant()}");
        o.WriteLine($"parameters {run.ParametersJson}");
        foreach (var stage in await queries.StagesAsync(run.Id, cancellationToken))
        {
            o.WriteLine($"  {stage.StageId,-32} {RuntimeHost.Describe(stage)}");
            if (stage.Error is { } error)
                o.WriteLine($"      error: {error}");
            if (stage.OutputsJson is { } outputs)
                o.WriteLine($"      outputs: {outputs}");
        }

        if (run.Error is { } runError)
            o.WriteLine($"error:\n{runError}");
        return CliApplication.Ok;
    }
}
