using HyenaFlow.Cli.CommandLine;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs cancel RUN</c>.</summary>
public sealed class RunsCancelCommand : CliCommand
{
    public override string Name => "runs cancel";

    public override string Summary => "Cancel a running run: waiting stages are cancelled, running ones stop within a second.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("RUN", "Run id.")];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        await runtime.CancelAsync(args.Positionals[0], cancellationToken);
        context.Out.WriteLine($"run {args.Positionals[0]} cancelled");
        return CliApplication.Ok;
    }
}
