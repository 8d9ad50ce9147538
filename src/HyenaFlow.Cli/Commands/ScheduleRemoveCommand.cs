using HyenaFlow.Cli.CommandLine;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow schedule remove ID</c>.</summary>
public sealed class ScheduleRemoveCommand : CliCommand
{
    public override string Name => "schedule remove";

    public override string Summary => "Remove a workflow schedule.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("ID", "Schedule id, as `schedule list` shows it.")];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var id = args.Positionals[0];
        await using var runtime = RuntimeHost.Create();
        await using var db = runtime.Database.Open();
        var schedule = await db.Schedules.FindAsync([id], cancellationToken)
            ?? throw new UsageException($"no schedule '{id}'; see `hyenaflow schedule list`.");
        db.Schedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        context.Out.WriteLine($"removed {id}");
        return CliApplication.Ok;
    }
}
