using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow mutations stats</c>: the thesis's Table 3.2 and the import report of a mutation set.</summary>
public sealed class MutationsStatsCommand : CliCommand
{
    public override string Name => "mutations stats";

    public override string Summary => "Show mutations per cell line (thesis Table 3.2, before and after the median filter) and the import report.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("MUTATIONS", "Mutation set directory written by 'mutations import'.")];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        MutationSet set = MutationSetStore.Load(args.Positionals[0]);
        TextWriter o = context.Out;
        o.Write(MutationStats.BeforeMedianFilter(set).ToText());
        o.WriteLine();
        o.Write(MutationStats.AfterMedianFilter(set).ToText());
        o.WriteLine();
        o.Write(set.Report.ToSummary());
        return Task.FromResult(CliApplication.Ok);
    }
}
