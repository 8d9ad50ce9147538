using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelInfoCommand : CliCommand
{
    public override string Name => "model info";

    public override string Summary => "List the HyenaDNA configurations with their parameter counts (thesis Table 2.2).";

    public override IReadOnlyList<OptionSpec> Options => [new("classes", "N", "Also count a classification head of N classes.", Default: "2")];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        int classes = args.GetInt32("classes", 2);
        if (classes < 1)
        {
            throw new UsageException($"--classes must be at least 1, got {classes}.");
        }

        context.Out.Write(ModelInfo.Table(classes));
        return Task.FromResult(CliApplication.Ok);
    }
}
