using System.Text.Json.Nodes;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Runtime.State;
using Quartz;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow schedule add --cron EXPR --workflow FILE</c>: a persisted cron schedule of a workflow.</summary>
public sealed class ScheduleAddCommand : CliCommand
{
    public override string Name => "schedule add";

    public override string Summary => "Schedule a workflow on a Quartz cron expression (seconds first, e.g. '0 0 3 * * ?'); stored in the runtime database.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("cron", "EXPR", "Quartz cron expression: sec min hour day-of-month month day-of-week [year].", Required: true),
        new("workflow", "FILE", "Workflow definition (JSON); it is validated now.", Required: true),
        new("param", "NAME=VALUE", "Set a workflow parameter (repeatable).", Repeatable: true),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var cron = args.Require("cron");
        if (!CronExpression.TryParse(cron, out _))
            throw new UsageException($"--cron '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 3 * * ?').");
        var file = Path.GetFullPath(args.Require("workflow"));
        var definition = WorkflowDefinitionReader.Parse(await File.ReadAllTextAsync(file, cancellationToken), file);
        var parameters = RuntimeHost.Parameters(args.All("param"), definition);
        // Validates the definition and the parameters now rather than at the first firing.
        Workflows.Definitions.Planning.WorkflowPlan.Create(definition, RuntimeHost.Registry().Catalog, parameters);

        await using var runtime = RuntimeHost.Create();
        await using var db = runtime.Database.Open();
        var record = new ScheduleRecord
        {
            Id = "sch-" + Guid.NewGuid().ToString("N")[..10],
            WorkflowPath = file,
            Cron = cron,
            ParametersJson = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone()))).ToJsonString(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Schedules.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        context.Out.WriteLine(record.Id);
        context.Error.WriteLine($"next fire {ScheduleListCommand.NextFire(cron)?.ToString("u") ?? "never"}");
        return CliApplication.Ok;
    }
}
