using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow run FILE</c>: runs a workflow definition durably, showing each stage as it moves.</summary>
public sealed class RunCommand : CliCommand
{
    public override string Name => "run";

    public override string Summary => "Run a workflow definition (durable: a killed run continues with `runs resume`; finished stages come from the cache).";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("FILE", "Workflow definition (JSON), e.g. workflows/demo.json.")];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("param", "NAME=VALUE", "Set a workflow parameter (repeatable).", Repeatable: true),
        new("detach", null, "Submit and return at once; a background worker runs it (follow with `runs show`)."),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var file = args.Positionals[0];
        var json = await File.ReadAllTextAsync(file, cancellationToken);
        var definition = WorkflowDefinitionReader.Parse(json, file);
        var parameters = RuntimeHost.Parameters(args.All("param"), definition);
        await using var runtime = RuntimeHost.Create();

        if (args.Flag("detach"))
        {
            var detached = await runtime.SubmitAsync(json, parameters, cancellationToken);
            RuntimeHost.SpawnWorker();
            context.Out.WriteLine(detached);
            context.Error.WriteLine($"submitted; follow with: hyenaflow runs show {detached}");
            return CliApplication.Ok;
        }

        var runner = await runtime.TryStartAsync(cancellationToken);
        var runId = await runtime.SubmitAsync(json, parameters, cancellationToken);
        context.Error.WriteLine($"run {runId}{(runner ? "" : " (another process runs this database; following it)")}");
        return await RunFollower.FollowAsync(runtime, runId, context, cancellationToken);
    }
}

/// <summary>Prints a run's stages as they change and its outcome at the end.</summary>
internal static class RunFollower
{
    public static async Task<int> FollowAsync(WorkflowRuntime runtime, string runId, CliContext context, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, (StageStatus Status, int Tenth)>();
        RunRecord run;
        try
        {
            run = await runtime.WaitAsync(runId, cancellationToken, (_, stages) =>
            {
                foreach (var stage in stages)
                {
                    var tenth = (int)(stage.Progress * 10);
                    if (seen.TryGetValue(stage.StageId, out var before) && before.Status == stage.Status && (stage.Status != StageStatus.Running || before.Tenth == tenth))
                        continue;
                    seen[stage.StageId] = (stage.Status, tenth);
                    if (stage.Status == StageStatus.Pending)
                        continue;
                    var progress = stage.Status == StageStatus.Running && tenth > 0 ? $" {tenth * 10}%" : "";
                    context.Error.WriteLine($"{DateTime.Now:HH:mm:ss}  {stage.StageId,-32} {stage.Status.ToString().ToLowerInvariant()}{progress}");
                }
            });
        }
        catch (OperationCanceledException)
        {
            await runtime.StopAsync();
            context.Error.WriteLine($"stopped; running stages were handed back. Continue with: hyenaflow runs resume");
            return 130;
        }

        var queries = new RunQueries(runtime.Database);
        foreach (var stage in await queries.StagesAsync(runId, CancellationToken.None))
        {
            context.Out.WriteLine($"  {stage.StageId,-32} {RuntimeHost.Describe(stage)}");
            if (stage.OutputsJson is { } outputs && System.Text.Json.Nodes.JsonNode.Parse(outputs)!["table"] is System.Text.Json.Nodes.JsonValue table)
                context.Out.WriteLine(table.GetValue<string>());
        }

        context.Out.WriteLine($"run {runId}: {run.Status.ToString().ToLowerInvariant()}");
        if (run.Error is { } error)
            context.Error.WriteLine(error);
        return run.Status == RunStatus.Succeeded ? CliApplication.Ok : 1;
    }
}
