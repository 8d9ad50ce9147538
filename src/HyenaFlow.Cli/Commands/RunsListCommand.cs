using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs list</c>.</summary>
public sealed class RunsListCommand : CliCommand
{
    public override string Name => "runs list";

    public override string Summary => "List workflow runs, newest first.";

    public override IReadOnlyList<OptionSpec> Options => [new("limit", "N", "How many runs to show.", Default: "20")];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        foreach (var run in await new RunQueries(runtime.Database).ListAsync(args.GetInt32("limit", 20), cancellationToken))
            context.Out.WriteLine($"{run.Id}  {run.WorkflowId,-20} v{run.WorkflowVersion}  {run.Status.ToString().ToLowerInvariant(),-9}  {run.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        return CliApplication.Ok;
    }
}
