using System.Text.Json.Nodes;
using HyenaFlow.Cli.CommandLine;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyenaFlow.Cli.Commands;

/// <summary>
/// <c>hyenaflow schedule serve</c>: the long-running runner that fires the stored schedules. It becomes this
/// database's runner (so the runs it submits also execute here), rereads the schedules every second (an added or
/// removed schedule takes effect without a restart) and submits a run of the workflow file each time a cron
/// expression comes due. Fire times that passed while no server ran are not made up for.
/// </summary>
public sealed class ScheduleServeCommand : CliCommand
{
    public override string Name => "schedule serve";

    public override string Summary => "Run the workflows on their schedules until stopped (Ctrl+C); also executes their stages.";

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        if (!await runtime.TryStartAsync(cancellationToken))
        {
            context.Error.WriteLine("another process already runs this database; stop it first (schedules fire only where the runner is)");
            return CliApplication.Failed;
        }

        context.Error.WriteLine("serving schedules; stop with Ctrl+C");
        var next = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await FireDueAsync(runtime, next, context, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await runtime.StopAsync();
        context.Error.WriteLine("stopped; running stages were handed back. Continue with: hyenaflow runs resume");
        return CliApplication.Ok;
    }

    private static async Task FireDueAsync(Workflows.Runtime.WorkflowRuntime runtime, Dictionary<string, DateTimeOffset?> next, CliContext context, CancellationToken cancellationToken)
    {
        List<Workflows.Runtime.State.ScheduleRecord> schedules;
        await using (var db = runtime.Database.Open())
            schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var gone in next.Keys.Except(schedules.Select(s => s.Id)).ToList())
            next.Remove(gone);

        foreach (var schedule in schedules.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (!CronExpression.TryParse(schedule.Cron, out _))
                continue;
            var cron = new CronExpression(schedule.Cron, TimeZoneInfo.Utc);
            if (!next.TryGetValue(schedule.Id, out var due))
            {
                next[schedule.Id] = cron.GetNextValidTimeAfter(now);
                continue;
            }

            if (due is null || due > now)
                continue;
            next[schedule.Id] = cron.GetNextValidTimeAfter(now);
            try
            {
                var json = await File.ReadAllTextAsync(schedule.WorkflowPath, cancellationToken);
                var parameters = JsonNode.Parse(schedule.ParametersJson) is JsonObject stored
                    ? stored.ToDictionary(p => p.Key, p => p.Value!.DeepClone())
                    : new Dictionary<string, JsonNode>();
                var runId = await runtime.SubmitAsync(json, parameters, cancellationToken);
                context.Out.WriteLine($"{DateTimeOffset.UtcNow:u}  schedule {schedule.Id} fired: run {runId}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException
                or Workflows.Definitions.WorkflowValidationException or Workflows.Definitions.WorkflowFormatException)
            {
                // One broken schedule must not stop the others; it is reported and tried again at its next time.
                context.Error.WriteLine($"{DateTimeOffset.UtcNow:u}  schedule {schedule.Id} could not start {schedule.WorkflowPath}: {e.Message}");
            }
        }
    }
}
