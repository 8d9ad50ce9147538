using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using HyenaFlow.Storage.Blobs;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

/// <summary>Azurite goes away in the middle of a multi-block upload: retries, a clear error, and no blob.</summary>
public sealed class BlobUploadInterruptionTests : IDisposable
{
    private const string ContainerName = "interrupted";
    private readonly TempDirectory work = new("interrupt-work");
    private readonly TempDirectory data = new("interrupt-azurite");

    [Fact]
    public async Task Stopping_Azurite_mid_upload_fails_clearly_after_retries_and_commits_nothing()
    {
        using var azurite = await Azurite.StartAsync(data.Path);
        var staged = new List<long>();
        var outageDone = false;
        var options = new BlobStoreOptions
        {
            BlockSize = 1 << 20,
            SdkRetries = 1,
            SdkRetryDelay = TimeSpan.FromMilliseconds(50),
            NetworkTimeout = TimeSpan.FromSeconds(5),
            BlockAttempts = 3,
            BlockRetryDelay = TimeSpan.FromMilliseconds(100),
            BlockStaged = new Synchronous<long>(bytes =>
            {
                staged.Add(bytes);
                if (bytes == 3 << 20 && !outageDone)
                {
                    outageDone = true;
                    azurite.Stop();
                }
            }),
        };
        var store = new BlobArtifactStore(azurite.ConnectionString, ContainerName, options);
        var control = await store.PutAsync(TestFiles.Write(work.File("small.txt"), "committed before the outage\n"u8.ToArray()));
        staged.Clear();
        var content = TestFiles.Bytes(8 << 20, seed: 21);
        var source = TestFiles.Write(work.File("large.bin"), content);
        var digest = (await Sha256Digest.OfFileAsync(source, CancellationToken.None)).Digest;

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<IOException>(() => store.PutAsync(source));

        Assert.Equal([1 << 20, 2 << 20, 3 << 20], staged);
        Assert.Contains($"sha256/{digest}", error.Message);
        Assert.Contains($"127.0.0.1:{azurite.Port}", error.Message);
        Assert.Contains("staging block 4 of 8 failed after 3 attempts", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "retries are bounded");

        // Back on the same data folder: the staged blocks are there, uncommitted; the blob is not.
        await azurite.RestartAsync();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ContainerName);
        var blob = container.GetBlockBlobClient(BlobArtifactStore.BlobName(digest));
        Assert.True(await container.GetBlobClient(BlobArtifactStore.BlobName(control.Digest)).ExistsAsync());
        Assert.False(await blob.ExistsAsync());
        var uncommitted = (await blob.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks;
        Assert.Equal(3, uncommitted.Count());
        Assert.False(await store.ContainsAsync(new ArtifactRef(ArtifactKind.File, digest, content.Length)));

        // And the same upload goes through once the service is back.
        var artifact = await store.PutAsync(source);
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks;
        Assert.Equal(8, blocks.Count());
        await store.MaterializeAsync(artifact, work.File("restored.bin"));
        Assert.Equal(content, File.ReadAllBytes(work.File("restored.bin")));
    }

    public void Dispose()
    {
        work.Dispose();
        data.Dispose();
    }

    /// <summary>Reports on the uploading thread itself, so the outage happens exactly between two blocks.</summary>
    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
