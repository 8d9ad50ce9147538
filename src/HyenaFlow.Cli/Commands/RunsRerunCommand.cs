using HyenaFlow.Cli.CommandLine;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs rerun RUN [--stage S] [--downstream]</c>.</summary>
public sealed class RunsRerunCommand : CliCommand
{
    public override string Name => "runs rerun";

    public override string Summary => "Run part of a finished run again: its failed stages and their dependents, or --stage S [--downstream].";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("RUN", "Run id.")];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("stage", "S", "Rerun this stage (executed even when cached)."),
        new("downstream", null, "With --stage: its dependents too."),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Flag("downstream") && !args.Has("stage"))
            throw new UsageException("--downstream needs --stage.");
        var runId = args.Positionals[0];
        await using var runtime = RuntimeHost.Create();
        var runner = await runtime.TryStartAsync(cancellationToken);
        var reset = await runtime.RerunAsync(runId, args.Get("stage"), args.Flag("downstream"), cancellationToken);
        context.Error.WriteLine($"rerunning {string.Join(", ", reset)}{(runner ? "" : " (another process runs this database; following it)")}");
        return await RunFollower.FollowAsync(runtime, runId, context, cancellationToken);
    }
}
