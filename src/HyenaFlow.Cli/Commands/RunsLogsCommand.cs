using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs logs RUN [STAGE]</c>.</summary>
public sealed class RunsLogsCommand : CliCommand
{
    public override string Name => "runs logs";

    public override string Summary => "Print the log lines of a run's stages (one stage when given), every attempt.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("RUN", "Run id."), new("STAGE", "Stage id (expanded, e.g. finetune[arm=1k-main]).", Required: false)];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        var stage = args.Positionals.Count > 1 ? args.Positionals[1] : null;
        foreach (var line in await new RunQueries(runtime.Database).LogsAsync(args.Positionals[0], stage, cancellationToken))
            context.Out.WriteLine($"{line.At.ToLocalTime():HH:mm:ss.fff} {line.StageId}#{line.Attempt}  {line.Text}");
        return CliApplication.Ok;
    }
}
