using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow download genome</c>: the GRCh38 reference FASTA, checked against its source's published checksum.</summary>
public sealed class DownloadGenomeCommand : CliCommand
{
    public override string Name => "download genome";

    public override string Summary =>
        "Download the GRCh38 reference FASTA (resumable, verified against the source's md5/sum listing). "
        + $"Base URLs: ${GenomeSourceOptions.NcbiBaseVariable}, ${GenomeSourceOptions.UcscBaseVariable}, ${GenomeSourceOptions.EnsemblBaseVariable}.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("source", "ncbi|ucsc|ensembl|URL", "Where from: NCBI RefSeq GRCh38.p14, UCSC hg38, Ensembl dna_sm primary assembly, or any http(s) URL.", Required: true),
        new("out", "FILE", "The file to write (a .part beside it holds the bytes until the checksum passes).", Required: true),
        new("md5", "HEX", "Expected md5; the only check for a URL source, and it replaces a source's listing."),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        string source = args.Require("source");
        string output = args.Require("out");
        string? md5 = args.Get("md5");
        if (!GenomeSources.IsValidSource(source))
        {
            throw new UsageException($"--source expects {string.Join(", ", GenomeSources.Names)} or an http(s) URL, got '{source}'.");
        }

        if (md5 is not null && !ExpectedChecksum.IsMd5Hex(md5))
        {
            throw new UsageException($"--md5 expects 32 hexadecimal digits, got '{md5}'.");
        }

        using var downloader = new HttpDownloader(DownloadReport.Options(context));
        var sources = new GenomeSources(downloader, GenomeSourceOptions.FromEnvironment());
        DownloadResult result = await sources.DownloadAsync(source, output, md5, context.Progress("download genome"), cancellationToken);
        await DownloadReport.WriteAsync(context.Out, result);
        return CliApplication.Ok;
    }
}
