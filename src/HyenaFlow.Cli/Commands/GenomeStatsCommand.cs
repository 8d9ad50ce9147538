using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow genome stats</c>: base counts of a genome store (the thesis's Table 3.1).</summary>
public sealed class GenomeStatsCommand : CliCommand
{
    public override string Name => "genome stats";

    public override string Summary => "Print the base counts of a genome store (A, C, G, T, N, Total: the thesis's Table 3.1).";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "GENOME", "Genome store written by 'genome import'.", Required: true),
        new("per-chromosome", null, "Also list the counts of each sequence."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        using GenomeStore genome = GenomeStore.Open(args.Require("genome"));
        TextWriter o = context.Out;
        o.WriteLine($"{genome.Path}: {genome.Chromosomes.Count} sequence(s) ({genome.Selection}) from {genome.SourceFile}");
        o.WriteLine();
        o.Write(genome.Stats.ToTable());
        if (args.Flag("per-chromosome"))
        {
            o.WriteLine();
            o.WriteLine($"{"Sequence",-24} {"Length",14} {"A",13} {"C",13} {"G",13} {"T",13} {"N",13}");
            foreach (ChromosomeBaseCounts row in genome.Stats.PerChromosome)
            {
                BaseCounts c = row.Counts;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name,-24} {c.Total,14:N0} {c.A,13:N0} {c.C,13:N0} {c.G,13:N0} {c.T,13:N0} {c.N,13:N0}"));
            }
        }

        return Task.FromResult(CliApplication.Ok);
    }
}
