using System.Text.Json.Nodes;
using HyenaFlow.Server.Http;
using HyenaFlow.Server.Workflows;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Definitions.Planning;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyenaFlow.Server.Schedules;

/// <summary>A stored cron schedule. <see cref="Workflow"/> is the name in the workflow folder when the schedule
/// points there (as every schedule added through the API does), else the file path `schedule add` stored.</summary>
public sealed record ScheduleView(string Id, string Workflow, string Cron, JsonNode? Parameters, DateTimeOffset CreatedAt, DateTimeOffset? NextFire);

public sealed record AddScheduleRequest(string Workflow, string Cron, JsonObject? Parameters);

/// <summary>/api/schedules: the runtime's schedules table, as `hyenaflow schedule list/add/remove` see it.</summary>
public static class ScheduleEndpoints
{
    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/schedules").WithTags("Schedules");
        group.MapGet("/", List).WithSummary("The schedules with their next fire time (UTC).");
        group.MapPost("/", Add).WithSummary("Schedule a workflow of the folder on a Quartz cron expression (seconds first, e.g. '0 0 3 * * ?').");
        group.MapDelete("/{id}", Remove).WithSummary("Remove a schedule.");
        return group;
    }

    private static async Task<IResult> List(WorkflowRuntime runtime, WorkflowFolder folder, CancellationToken cancellationToken)
    {
        await using var db = runtime.Database.Open();
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(schedules
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => View(s, folder))
            .ToList());
    }

    private static async Task<IResult> Add(AddScheduleRequest request, WorkflowRuntime runtime, WorkflowFolder folder, ActivityRegistry activities, CancellationToken cancellationToken)
    {
        if (!WorkflowFolder.IsValidName(request.Workflow))
            return Problems.BadRequest(new InvalidWorkflowNameException(request.Workflow ?? "").Message);
        if (!CronExpression.TryParse(request.Cron, out _))
            return Problems.Invalid([new DefinitionProblem("$.cron", $"'{request.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 3 * * ?')")], "The schedule has problems");
        if (!folder.Exists(request.Workflow))
            return Problems.NotFound($"no workflow '{request.Workflow}'");
        var path = folder.PathOf(request.Workflow);
        var parameters = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters ?? [])
        {
            if (value is not null)
                parameters[name] = value.DeepClone();
        }

        try
        {
            // Validated now, as `schedule add` does, rather than at the first firing.
            WorkflowPlan.Create(WorkflowDefinitionReader.ReadFile(path), activities.Catalog, parameters);
        }
        catch (WorkflowValidationException ex)
        {
            return Problems.Invalid(Problems.From(ex.Errors));
        }
        catch (WorkflowFormatException ex)
        {
            return Problems.Invalid(Problems.From(ex));
        }

        var record = new ScheduleRecord
        {
            Id = "sch-" + Guid.NewGuid().ToString("N")[..10],
            WorkflowPath = path,
            Cron = request.Cron,
            ParametersJson = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone()))).ToJsonString(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = runtime.Database.Open();
        db.Schedules.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/schedules/{record.Id}", View(record, folder));
    }

    private static async Task<IResult> Remove(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        await using var db = runtime.Database.Open();
        var schedule = await db.Schedules.FindAsync([id], cancellationToken);
        if (schedule is null)
            return Problems.NotFound($"no schedule '{id}'");
        db.Schedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ScheduleView View(ScheduleRecord schedule, WorkflowFolder folder)
    {
        var name = Path.GetFileNameWithoutExtension(schedule.WorkflowPath);
        var inFolder = string.Equals(Path.GetDirectoryName(Path.GetFullPath(schedule.WorkflowPath)), folder.Root, StringComparison.Ordinal) && WorkflowFolder.IsValidName(name);
        DateTimeOffset? next = CronExpression.TryParse(schedule.Cron, out _)
            ? new CronExpression(schedule.Cron, TimeZoneInfo.Utc).GetNextValidTimeAfter(DateTimeOffset.UtcNow)
            : null;
        return new ScheduleView(schedule.Id, inFolder ? name : schedule.WorkflowPath, schedule.Cron, JsonNode.Parse(schedule.ParametersJson is { Length: > 0 } p ? p : "{}"), schedule.CreatedAt, next);
    }
}
