using HyenaFlow.Cli.CommandLine;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow schedule list</c>: the stored schedules with their next fire times.</summary>
public sealed class ScheduleListCommand : CliCommand
{
    public override string Name => "schedule list";

    public override string Summary => "List the workflow schedules with their next fire time (UTC).";

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        await using var db = runtime.Database.Open();
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        if (schedules.Count == 0)
        {
            context.Out.WriteLine("no schedules");
            return CliApplication.Ok;
        }

        context.Out.WriteLine($"{"ID",-14} {"CRON",-22} {"NEXT FIRE (UTC)",-20} WORKFLOW");
        foreach (var schedule in schedules.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var next = NextFire(schedule.Cron)?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
            var parameters = schedule.ParametersJson is "{}" or "" ? "" : " " + schedule.ParametersJson;
            context.Out.WriteLine($"{schedule.Id,-14} {schedule.Cron,-22} {next,-20} {schedule.WorkflowPath}{parameters}");
        }

        return CliApplication.Ok;
    }

    /// <summary>The next time after now the expression fires (UTC), or null when it never fires again.</summary>
    internal static DateTimeOffset? NextFire(string cron) =>
        CronExpression.TryParse(cron, out _)
            ? new CronExpression(cron, TimeZoneInfo.Utc).GetNextValidTimeAfter(DateTimeOffset.UtcNow)
            : null;
}
