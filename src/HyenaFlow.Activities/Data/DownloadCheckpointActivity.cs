using System.Text.Json.Nodes;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Data;

/// <summary>download-checkpoint@1: a published HyenaDNA checkpoint folder, as `hyenaflow download checkpoint` fetches it,
/// ready to feed finetune's `init`. The partial files live in the checkpoint folder, so a retried or recovered stage resumes.</summary>
public sealed class DownloadCheckpointActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "download-checkpoint", "1", "data", "Download a published HyenaDNA checkpoint (config.json + weights.ckpt; resumable, imported strictly before it is stored).",
        [
            new InputDescriptor("model", DataType.String, false, JsonValue.Create(CheckpointSources.DefaultModel),
                $"{string.Join(", ", CheckpointSources.Names)} (or tiny-1k …), or the http(s) address of a folder holding both files"),
            new InputDescriptor("sha256", DataType.String, false, JsonValue.Create(""), "expected sha256 of weights.ckpt; empty: not checked"),
        ],
        [
            new OutputDescriptor("weights", DataType.Artifact, "folder with config.json and weights.ckpt (finetune's init)"),
            new OutputDescriptor("config", DataType.String, "the configuration config.json declares, e.g. tiny-1k"),
            new OutputDescriptor("tensors", DataType.Integer, "tensors a strict import loaded"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var model = InputValues.String(inputs, "model");
        var sha256 = InputValues.OptionalString(inputs, "sha256");
        if (!CheckpointSources.IsValid(model))
            throw new InvalidDataException($"input 'model' expects one of {string.Join(", ", CheckpointSources.Names)} (or tiny-1k …) or an http(s) URL, got '{model}'");
        if (sha256 is not null && !Sha256Checksum.IsHex(sha256))
            throw new InvalidDataException($"input 'sha256' expects 64 hexadecimal digits, got '{sha256}'");
        using var downloader = new HttpDownloader(new DownloadOptions { OnRetry = context.Log });
        var checkpoints = new PublishedCheckpointDownloader(downloader, CheckpointSourceOptions.FromEnvironment());
        var output = Path.Combine(context.CheckpointDirectory, "checkpoint");
        var result = await checkpoints.DownloadAsync(model, output, sha256, ActivityProgress.Of(context), cancellationToken).ConfigureAwait(false);
        context.Log($"{result.Source}: {result.WeightsBytes} bytes, sha256 {result.WeightsSha256}; config {PublishedCheckpointFolder.Describe(result.Config)}; loaded {result.TensorsLoaded} tensors");
        return new Dictionary<string, JsonNode>
        {
            ["weights"] = await context.PutArtifactAsync(result.Folder, cancellationToken).ConfigureAwait(false),
            ["config"] = JsonValue.Create(result.Config.Name),
            ["tensors"] = JsonValue.Create(result.TensorsLoaded),
        };
    }
}
