using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace HyenaFlow.Storage.Blobs;

/// <summary>
/// A store in an Azure Blob Storage container (Azurite locally): blob <c>sha256/&lt;digest&gt;</c> per file or
/// manifest. Uploads stage MD5-checked blocks, each retried with back-off, and commit the block list only after
/// the whole content hashed to the blob's name, so a blob is either absent or complete. Reads hash again.
/// </summary>
public sealed partial class BlobArtifactStore : ContentAddressedStore
{
    private readonly BlobContainerClient container;
    private readonly BlobStoreOptions options;
    private readonly SemaphoreSlim containerGate = new(1, 1);
    private volatile bool containerReady;

    public BlobArtifactStore(string connectionString, string container)
        : this(connectionString, container, BlobStoreOptions.Default)
    {
    }

    public BlobArtifactStore(string connectionString, string container, BlobStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        if (!ContainerName().IsMatch(container ?? ""))
        {
            throw new ArgumentException($"'{container}' is not a valid blob container name (3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit).", nameof(container));
        }

        if (options.BlockSize <= 0 || options.BlockAttempts <= 0 || options.SdkRetries < 0)
        {
            throw new ArgumentException("Blob store options need a positive block size and attempt count and non-negative SDK retries.", nameof(options));
        }

        this.options = options;
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.SdkRetries;
        clientOptions.Retry.Delay = options.SdkRetryDelay;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        this.container = new BlobServiceClient(connectionString, clientOptions).GetBlobContainerClient(container);
    }

    /// <summary>The container's address, e.g. <c>http://127.0.0.1:10000/devstoreaccount1/hyenaflow-artifacts</c>.</summary>
    public Uri ContainerUri => container.Uri;

    protected override string Location => $"container {container.Uri}";

    public static string BlobName(string digest)
    {
        Sha256Digest.Require(digest, "blob digest");
        return $"sha256/{digest}";
    }

    protected override async Task<bool> HasBlobAsync(string digest, long length, CancellationToken cancellationToken)
    {
        var name = BlobName(digest);
        try
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ContentLength == length;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            throw Failure(name, "checking whether it exists", attempts: 1, e);
        }
    }

    protected override async Task WriteBlobAsync(Stream content, string digest, long length, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var name = BlobName(digest);
        var blob = container.GetBlockBlobClient(name);
        var blocks = Math.Max(1, (length + options.BlockSize - 1) / options.BlockSize);

        // A fresh prefix per upload keeps this upload's blocks apart from any other upload of the same name.
        var upload = Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[(int)Math.Min(options.BlockSize, Math.Max(length, 1))];
        long staged = 0;
        while (true)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                break;
            }

            sha256.AppendData(buffer, 0, filled);
            md5.AppendData(buffer, 0, filled);
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{upload}-{ids.Count:D6}"));
            var blockHash = MD5.HashData(buffer.AsSpan(0, filled));
            var stageOptions = new BlockBlobStageBlockOptions
            {
                TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5, PrecalculatedChecksum = blockHash },
            };
            await WithRetriesAsync(name, $"staging block {ids.Count + 1} of {blocks}", async () =>
            {
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(id, block, stageOptions, cancellationToken);
            }, cancellationToken);
            ids.Add(id);
            staged += filled;
            options.BlockStaged?.Report(staged);
            if (filled < buffer.Length)
            {
                break;
            }
        }

        var stagedDigest = Sha256Digest.ToHex(sha256.GetHashAndReset());
        if (stagedDigest != digest || staged != length)
        {
            throw new IOException($"Content stored as sha256:{digest} ({length} bytes) changed while being uploaded: it now hashes to {stagedDigest} ({staged} bytes); nothing was committed.");
        }

        var commitOptions = new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream", ContentHash = md5.GetHashAndReset() },
            Metadata = new Dictionary<string, string> { ["sha256"] = digest },
        };
        await WithRetriesAsync(name, $"committing {ids.Count} blocks", () => blob.CommitBlockListAsync(ids, commitOptions, cancellationToken), cancellationToken);
    }

    protected override async Task ReadBlobAsync(string digest, long length, Stream destination, CancellationToken cancellationToken)
    {
        var name = BlobName(digest);
        string actual;
        long actualLength;
        try
        {
            var response = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var stream = response.Value.Content;
            (actual, actualLength) = await Sha256Digest.CopyHashingAsync(stream, destination, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Artifact blob sha256:{digest} is not in {Location}.", name, e);
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            throw Failure(name, "downloading", attempts: options.SdkRetries + 1, e);
        }

        if (actual != digest || actualLength != length)
        {
            throw Corrupt(digest, actual, actualLength);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        await containerGate.WaitAsync(cancellationToken);
        try
        {
            if (!containerReady)
            {
                await WithRetriesAsync(container.Name, "creating the container", () => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken);
                containerReady = true;
            }
        }
        finally
        {
            containerGate.Release();
        }
    }

    /// <summary>Runs one idempotent request, retrying transient failures with doubling pauses on top of the SDK's own retries.</summary>
    private async Task WithRetriesAsync(string name, string what, Func<Task> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await request();
                return;
            }
            catch (Exception e) when (attempt < options.BlockAttempts && TransientFailure.Is(e, cancellationToken))
            {
                await Task.Delay(options.BlockRetryDelay * Math.Pow(2, attempt - 1), cancellationToken);
            }
            catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
            {
                throw Failure(name, what, attempt, e);
            }
        }
    }

    private IOException Failure(string name, string what, int attempts, Exception cause) =>
        new($"Azure blob '{name}' in {Location}: {what} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {cause.Message}", cause);

    private static bool IsOurCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
