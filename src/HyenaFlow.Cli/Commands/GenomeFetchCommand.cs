using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow genome fetch</c>: regions as FASTA, byte-identical to <c>samtools faidx</c> on the cleaned FASTA.</summary>
public sealed class GenomeFetchCommand : CliCommand
{
    public override string Name => "genome fetch";

    public override string Summary => "Print regions of a genome store as FASTA, exactly as 'samtools faidx' prints them.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "GENOME", "Genome store written by 'genome import'.", Required: true),
        new("width", "N", "Bases per line.", Default: "60"),
    ];

    public override IReadOnlyList<ArgumentSpec> Arguments =>
    [
        new("REGION", "chr1 (whole), chr1:101-200 (1-based, inclusive) or chr1:101 (to the end).", Required: true, Many: true),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        int width = args.GetInt32("width", FastaWriter.DefaultWidth);
        if (width < 1)
        {
            throw new UsageException($"--width must be at least 1, got {width}.");
        }

        using GenomeStore genome = GenomeStore.Open(args.Require("genome"));
        var regions = new List<FaidxRegion>();
        foreach (string text in args.Positionals)
        {
            try
            {
                regions.Add(FaidxRegion.Resolve(text, genome));
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        foreach (FaidxRegion region in regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (region.Truncated)
            {
                // samtools' own wording, so scripts that grep its warnings keep working
                context.Error.WriteLine(region.Length == 0 ? $"[faidx] Zero length sequence: {region.Text}" : $"[faidx] Truncated sequence: {region.Text}");
            }

            FastaWriter.WriteRecord(context.Out, region.Text, genome, region.Chrom, region.Start, region.Length, width);
        }

        return Task.FromResult(CliApplication.Ok);
    }
}
