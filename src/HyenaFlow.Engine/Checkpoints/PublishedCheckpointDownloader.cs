using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// Fetches a published HyenaDNA checkpoint (<c>config.json</c> + <c>weights.ckpt</c>) into a folder. Bytes
/// accumulate in <c>&lt;destination&gt;.partial/</c> — resumed by a later call with the same destination —
/// and the destination appears only after a strict import of the weights into the model config.json
/// declares succeeded, so it never holds a half-written or unusable checkpoint.
/// </summary>
public sealed class PublishedCheckpointDownloader(HttpDownloader downloader, CheckpointSourceOptions? options = null)
{
    public const string StagingSuffix = ".partial";

    private const string SourceMarker = ".source";
    private const string HtmlHint = "the repository may be private or gated, or the address wrong — check the model name, or the mirror in $" + CheckpointSourceOptions.BaseVariable;

    private readonly CheckpointSources sources = new(options);

    /// <param name="model">A name from <see cref="CheckpointSources.Names"/>, its short form, or an http(s) folder address.</param>
    /// <param name="destination">The folder to create; it must not exist, be empty, or hold only a previous checkpoint download.</param>
    /// <param name="sha256">Expected sha256 of weights.ckpt, or null.</param>
    /// <exception cref="ArgumentException">Unknown model name (the message lists the known ones) or a bad checksum.</exception>
    /// <exception cref="DownloadException">A transfer failed for good, or an HTML page came instead of a file.</exception>
    /// <exception cref="InvalidDataException">The files arrived but are not a loadable HyenaDNA checkpoint (the staged copy is removed).</exception>
    public async Task<DownloadedCheckpoint> DownloadAsync(
        string model, string destination, string? sha256 = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckpointSource source = sources.Resolve(model);
        ExpectedChecksum? checksum = sha256 is null ? null : new Sha256Checksum(sha256);
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        EnsureReplaceable(final);
        string staging = final + StagingSuffix;
        PrepareStaging(staging, source.Folder.AbsoluteUri);

        int requests = 0;
        requests += await FetchAsync(new DownloadRequest(source.ConfigUrl, PublishedCheckpointFolder.ConfigPath(staging))
        {
            Content = ExpectedContent.Json,
            HtmlHint = HtmlHint,
        }, progress, cancellationToken);
        requests += await FetchAsync(new DownloadRequest(source.WeightsUrl, PublishedCheckpointFolder.WeightsPath(staging))
        {
            Checksum = checksum,
            Content = ExpectedContent.Data,
            HtmlHint = $"expected weights.ckpt, a PyTorch Lightning checkpoint; {HtmlHint}",
        }, progress, cancellationToken);

        PublishedCheckpointInfo info;
        try
        {
            info = await Task.Run(() => PublishedCheckpointFolder.Validate(staging), cancellationToken);
        }
        catch (InvalidDataException e)
        {
            // A file that downloaded completely but is unusable would otherwise be reused by the next call.
            Directory.Delete(staging, recursive: true);
            throw new InvalidDataException($"{source.Folder}: the download is not a usable HyenaDNA checkpoint (the staged files were removed). {e.Message}", e);
        }

        string weights = PublishedCheckpointFolder.WeightsPath(staging);
        string digest = checksum?.Value ?? await Sha256Checksum.OfFileAsync(weights, cancellationToken);
        long bytes = new FileInfo(weights).Length;
        File.Delete(Path.Combine(staging, SourceMarker));
        Publish(staging, final);
        return new DownloadedCheckpoint(final, source.Folder, info.Config, info.TensorsLoaded, digest, bytes, requests);
    }

    /// <summary>A file staged complete by an earlier call is kept (the downloader itself re-checks one with a checksum).</summary>
    private async Task<int> FetchAsync(DownloadRequest request, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        if (request.Checksum is null && File.Exists(request.Destination))
            return 0;
        DownloadResult result = await downloader.DownloadAsync(request, progress, cancellationToken);
        return result.Requests;
    }

    /// <summary>Staged bytes from another source must not be resumed into this one's files (the checksum is checked at the end either way).</summary>
    private static void PrepareStaging(string staging, string identity)
    {
        string marker = Path.Combine(staging, SourceMarker);
        if (Directory.Exists(staging) && (!File.Exists(marker) || File.ReadAllText(marker) != identity))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        if (!File.Exists(marker))
            File.WriteAllText(marker, identity);
    }

    /// <summary>Refuses to replace a folder holding anything but a previous download, so a mistyped path loses nothing.</summary>
    private static void EnsureReplaceable(string final)
    {
        if (File.Exists(final))
            throw new IOException($"{final}: a file is in the way; the checkpoint is written as a folder there.");
        if (!Directory.Exists(final))
            return;
        var foreign = Directory.EnumerateFileSystemEntries(final)
            .Select(Path.GetFileName)
            .Where(name => name is not (CheckpointSource.ConfigFile or CheckpointSource.WeightsFile))
            .ToList();
        if (foreign.Count > 0)
            throw new IOException($"{final}: the folder holds other files ({string.Join(", ", foreign.Take(5))}); choose an empty or new folder for the checkpoint.");
    }

    /// <summary>Moves the proven staging folder into place; an older download there is swapped out, then removed.</summary>
    private static void Publish(string staging, string final)
    {
        string? previous = null;
        if (Directory.Exists(final))
        {
            previous = $"{final}.old-{Guid.NewGuid():N}";
            Directory.Move(final, previous);
        }

        Directory.Move(staging, final);
        if (previous is not null)
            Directory.Delete(previous, recursive: true);
    }
}
