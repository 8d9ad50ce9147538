using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow download depmap</c>: a DepMap release's CSVs from Figshare (md5-checked), or CSVs from URLs.</summary>
public sealed class DownloadDepMapCommand : CliCommand
{
    public override string Name => "download depmap";

    public override string Summary =>
        $"Download DepMap CSVs ({string.Join(", ", DepMapSources.DefaultFiles)}) from a release's Figshare article, md5-checked, "
        + $"or from literal URLs. API base: ${FigshareClient.ApiBaseVariable}.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("release", "24Q4|ID|URL", $"A release ({string.Join(", ", DepMapSources.Releases.Keys)}), a Figshare article id, or a file URL.", Required: true, Repeatable: true),
        new("out", "DIR", "The folder to write the files into.", Required: true),
        new("file", "NAME", $"A file of the release to fetch instead of the defaults ({string.Join(", ", DepMapSources.DefaultFiles)}).", Repeatable: true),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> releases = args.All("release");
        string output = args.Require("out");
        IReadOnlyList<string>? files = args.Has("file") ? args.All("file") : null;
        foreach (string release in releases.Where(r => !DepMapSources.IsValidRelease(r)))
        {
            throw new UsageException($"--release expects one of {string.Join(", ", DepMapSources.Releases.Keys)}, a Figshare article id or an http(s) URL, got '{release}'.");
        }

        using var downloader = new HttpDownloader(DownloadReport.Options(context));
        var sources = new DepMapSources(downloader, FigshareClient.FromEnvironment(downloader));
        IReadOnlyList<DownloadResult> results = await sources.DownloadAsync(releases, output, files, context.Progress("download depmap"), cancellationToken);
        foreach (DownloadResult result in results)
        {
            await DownloadReport.WriteAsync(context.Out, result);
        }

        return CliApplication.Ok;
    }
}
