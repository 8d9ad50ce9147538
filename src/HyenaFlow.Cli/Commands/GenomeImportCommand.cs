using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow genome import</c>: FASTA (plain, gzip, BGZF) → cleaned 2-bit genome store.</summary>
public sealed class GenomeImportCommand : CliCommand
{
    public override string Name => "genome import";

    public override string Summary => "Clean a reference FASTA (NCBI, UCSC or Ensembl; plain, gzip or BGZF) into a genome store.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("fasta", "FILE", "Reference FASTA, e.g. GCF_000001405.40_GRCh38.p14_genomic.fna.gz.", Required: true),
        new("out", "GENOME", "Genome store to write, e.g. genome.hfg.", Required: true),
        new("keep", "WHICH", "autosomes, primary (chr1-22, X, Y, M) or a list such as chr1,chr2.", Default: "autosomes"),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ChromosomeSelection keep;
        try
        {
            keep = ChromosomeSelection.Parse(args.Require("keep"));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"--keep: {e.Message}");
        }

        string fasta = args.Require("fasta");
        if (!File.Exists(fasta))
        {
            throw new FileNotFoundException($"FASTA file '{fasta}' does not exist.", fasta);
        }

        GenomeImportSummary summary = FastaImporter.Import(fasta, args.Require("out"), new GenomeImportOptions { Keep = keep }, context.Progress("genome import"), cancellationToken);
        TextWriter o = context.Out;
        double seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {summary.SourceFile} ({summary.Compression}, {summary.FileBytes / 1e6:N1} MB) into {summary.StorePath} in {seconds:N1} s ({summary.TextBytes / 1e6 / seconds:N0} MB/s of FASTA text)."));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Kept {summary.Kept.Count} sequence(s) ({keep}), {summary.Stats.Total.Total:N0} bases: {string.Join(", ", summary.Kept.Select(c => c.Name))}."));
        if (summary.Skipped.Count > 0)
        {
            string shown = string.Join(", ", summary.Skipped.Take(8)) + (summary.Skipped.Count > 8 ? ", …" : "");
            o.WriteLine($"Skipped {summary.Skipped.Count} sequence(s): {shown}.");
        }

        o.WriteLine();
        o.Write(summary.Stats.ToTable());
        return Task.FromResult(CliApplication.Ok);
    }
}
