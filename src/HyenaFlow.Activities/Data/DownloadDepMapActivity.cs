using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Data;

/// <summary>download-depmap@1: a DepMap release's Model.csv and OmicsSomaticMutations.csv (md5-checked), as
/// `hyenaflow download depmap` fetches them; partial files live in the checkpoint folder and resume.</summary>
public sealed class DownloadDepMapActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "download-depmap", "1", "data", "Download a DepMap release's Model.csv and OmicsSomaticMutations.csv from Figshare, md5-checked.",
        [
            new InputDescriptor("release", DataType.String, false, JsonValue.Create("24Q4"), "a release (e.g. 24Q4) or a Figshare article id"),
        ],
        [
            new OutputDescriptor("mutations", DataType.Artifact, "OmicsSomaticMutations.csv"),
            new OutputDescriptor("models", DataType.Artifact, "Model.csv"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var release = InputValues.String(inputs, "release");
        if (!DepMapSources.IsValidRelease(release))
            throw new InvalidDataException($"input 'release' expects one of {string.Join(", ", DepMapSources.Releases.Keys)} or a Figshare article id, got '{release}'");
        using var downloader = new HttpDownloader(new DownloadOptions { OnRetry = context.Log });
        var sources = new DepMapSources(downloader, FigshareClient.FromEnvironment(downloader));
        var folder = Path.Combine(context.CheckpointDirectory, "depmap");
        var results = await sources.DownloadAsync([release], folder, ["Model.csv", "OmicsSomaticMutations.csv"], ActivityProgress.Of(context), cancellationToken).ConfigureAwait(false);
        foreach (var result in results)
            context.Log($"{result.Path}: {result.Bytes} bytes, {result.VerifiedChecksum ?? "no checksum published"}");
        string Find(string name) => results.Select(r => r.Path).FirstOrDefault(p => Path.GetFileName(p) == name)
            ?? throw new InvalidDataException($"release {release} gave no {name}");
        return new Dictionary<string, JsonNode>
        {
            ["mutations"] = await context.PutArtifactAsync(Find("OmicsSomaticMutations.csv"), cancellationToken).ConfigureAwait(false),
            ["models"] = await context.PutArtifactAsync(Find("Model.csv"), cancellationToken).ConfigureAwait(false),
        };
    }
}
