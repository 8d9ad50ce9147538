using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs why RUN STAGE</c>.</summary>
public sealed class RunsWhyCommand : CliCommand
{
    public override string Name => "runs why";

    public override string Summary => "Explain why a stage missed the cache, field by field against the nearest earlier result.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("RUN", "Run id."), new("STAGE", "Stage id.")];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        foreach (var line in await new RunQueries(runtime.Database).WhyAsync(args.Positionals[0], args.Positionals[1], cancellationToken))
            context.Out.WriteLine(line);
        return CliApplication.Ok;
    }
}
