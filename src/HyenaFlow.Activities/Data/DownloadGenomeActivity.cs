using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Data;

/// <summary>download-genome@1: the GRCh38 FASTA, checked against its source's checksum, as `hyenaflow download genome`
/// fetches it. The partial file lives in the checkpoint folder, so a retried or recovered stage resumes the download.</summary>
public sealed class DownloadGenomeActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "download-genome", "1", "data", "Download the GRCh38 reference FASTA (resumable, verified against the source's md5/sum listing).",
        [
            new InputDescriptor("source", DataType.String, false, JsonValue.Create("ncbi"), "ncbi, ucsc, ensembl or an http(s) URL"),
            new InputDescriptor("md5", DataType.String, false, JsonValue.Create(""), "expected md5; the only check for a URL source"),
        ],
        [
            new OutputDescriptor("fasta", DataType.Artifact, "the reference FASTA as published (usually gzip)"),
            new OutputDescriptor("checksum", DataType.String, "what the download was verified against, or empty"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var source = InputValues.String(inputs, "source");
        var md5 = InputValues.OptionalString(inputs, "md5");
        if (!GenomeSources.IsValidSource(source))
            throw new InvalidDataException($"input 'source' expects {string.Join(", ", GenomeSources.Names)} or an http(s) URL, got '{source}'");
        if (md5 is not null && !ExpectedChecksum.IsMd5Hex(md5))
            throw new InvalidDataException($"input 'md5' expects 32 hexadecimal digits, got '{md5}'");
        using var downloader = new HttpDownloader(new DownloadOptions { OnRetry = context.Log });
        var sources = new GenomeSources(downloader, GenomeSourceOptions.FromEnvironment());
        var output = Path.Combine(context.CheckpointDirectory, "genome.fa.gz");
        var result = await sources.DownloadAsync(source, output, md5, ActivityProgress.Of(context), cancellationToken).ConfigureAwait(false);
        context.Log($"{result.Path}: {result.Bytes} bytes, {result.VerifiedChecksum ?? "no checksum published"}");
        return new Dictionary<string, JsonNode>
        {
            ["fasta"] = await context.PutArtifactAsync(result.Path, cancellationToken).ConfigureAwait(false),
            ["checksum"] = JsonValue.Create(result.VerifiedChecksum ?? ""),
        };
    }
}
