using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs plan FILE</c>: the expanded matrix and DAG, without running.</summary>
public sealed class RunsPlanCommand : CliCommand
{
    public override string Name => "runs plan";

    public override string Summary => "Validate a workflow and print its expanded stages in execution order, without running.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("FILE", "Workflow definition (JSON).")];

    public override IReadOnlyList<OptionSpec> Options => [new("param", "NAME=VALUE", "Set a workflow parameter (repeatable).", Repeatable: true)];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var file = args.Positionals[0];
        var json = await File.ReadAllTextAsync(file, cancellationToken);
        var definition = WorkflowDefinitionReader.Parse(json, file);
        var plan = Workflows.Definitions.Planning.WorkflowPlan.Create(definition, RuntimeHost.Registry().Catalog, RuntimeHost.Parameters(args.All("param"), definition));
        context.Out.Write(plan.ToText());
        return CliApplication.Ok;
    }
}
