using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow download checkpoint</c>: a published HyenaDNA checkpoint, proven loadable before it appears.</summary>
public sealed class DownloadCheckpointCommand : CliCommand
{
    public override string Name => "download checkpoint";

    public override string Summary =>
        "Download a published HyenaDNA checkpoint (config.json + weights.ckpt; resumable, imported strictly before the folder appears). "
        + $"Base URL: ${CheckpointSourceOptions.BaseVariable}.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("model", "NAME|URL", $"{string.Join(", ", CheckpointSources.Names)} (or the short form, e.g. tiny-1k), or the http(s) address of a folder holding both files.", Required: true),
        new("out", "DIR", $"The folder to write (bytes wait in DIR{PublishedCheckpointDownloader.StagingSuffix}/ until the checkpoint loads); usable as a finetune init.", Required: true),
        new("sha256", "HEX", "Expected sha256 of weights.ckpt."),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        string model = args.Require("model");
        string output = args.Require("out");
        string? sha256 = args.Get("sha256");
        if (!CheckpointSources.IsValid(model))
        {
            throw new UsageException($"--model expects one of {string.Join(", ", CheckpointSources.Names)} (or the short form, e.g. tiny-1k) or an http(s) URL, got '{model}'.");
        }

        if (sha256 is not null && !Sha256Checksum.IsHex(sha256))
        {
            throw new UsageException($"--sha256 expects 64 hexadecimal digits, got '{sha256}'.");
        }

        using var downloader = new HttpDownloader(DownloadReport.Options(context));
        var checkpoints = new PublishedCheckpointDownloader(downloader, CheckpointSourceOptions.FromEnvironment());
        DownloadedCheckpoint result = await checkpoints.DownloadAsync(model, output, sha256, context.Progress("download checkpoint"), cancellationToken);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Folder}\t{result.WeightsBytes} bytes\tsha256 {result.WeightsSha256}\tfrom {result.Source}"));
        await context.Out.WriteLineAsync($"config: {PublishedCheckpointFolder.Describe(result.Config)}");
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"loaded {result.TensorsLoaded} tensors"));
        return CliApplication.Ok;
    }
}
