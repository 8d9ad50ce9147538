using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow genome export</c>: the cleaned genome as FASTA, for samtools, bcftools and other tools.</summary>
public sealed class GenomeExportCommand : CliCommand
{
    public override string Name => "genome export";

    public override string Summary => "Write a genome store as cleaned FASTA (gzip when the name ends in .gz).";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "GENOME", "Genome store written by 'genome import'.", Required: true),
        new("out", "FASTA", "FASTA file to write.", Required: true),
        new("width", "N", "Bases per line.", Default: "60"),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        int width = args.GetInt32("width", FastaWriter.DefaultWidth);
        if (width < 1)
        {
            throw new UsageException($"--width must be at least 1, got {width}.");
        }

        string output = args.Require("out");
        using GenomeStore genome = GenomeStore.Open(args.Require("genome"));
        FastaWriter.WriteFile(output, genome, width);
        long bases = genome.Chromosomes.Sum(c => c.Length);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {genome.Chromosomes.Count} sequence(s), {bases:N0} bases, to {Path.GetFullPath(output)}."));
        return Task.FromResult(CliApplication.Ok);
    }
}
