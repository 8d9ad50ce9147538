using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using HyenaFlow.Storage.Blobs;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

/// <summary>The shared behaviours against a real Azurite; each test gets its own container.</summary>
public sealed class BlobArtifactStoreTests : ArtifactStoreBehaviours, IClassFixture<AzuriteFixture>
{
    private readonly Azurite azurite;
    private readonly BlobContainerClient container;
    private readonly BlobArtifactStore store;

    public BlobArtifactStoreTests(AzuriteFixture fixture)
    {
        azurite = fixture.Azurite;
        var name = $"test-{Guid.NewGuid():N}";
        container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name);
        store = new BlobArtifactStore(azurite.ConnectionString, name);
    }

    protected override ContentAddressedStore Store => store;

    protected override async Task CorruptBlobAsync(string digest)
    {
        var blob = container.GetBlobClient(BlobArtifactStore.BlobName(digest));
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        bytes[^1] ^= 0x5a;
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
    }

    protected override async Task<IReadOnlySet<string>> BlobDigestsAsync()
    {
        var digests = new HashSet<string>();
        if (!await container.ExistsAsync())
        {
            return digests;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "sha256/" }))
        {
            digests.Add(item.Name["sha256/".Length..]);
        }

        return digests;
    }

    [Fact]
    public async Task A_large_file_is_committed_from_several_blocks_and_the_container_is_created_on_first_write()
    {
        Assert.False(await container.ExistsAsync());
        var content = TestFiles.Bytes(20 << 20, seed: 11);
        var source = TestFiles.Write(Work.File("large.bin"), content);

        var artifact = await store.PutAsync(source);

        Assert.True(await container.ExistsAsync());
        var blob = container.GetBlockBlobClient(BlobArtifactStore.BlobName(artifact.Digest));
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.ToList();
        Assert.Equal(5, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(4 << 20, b.SizeLong));
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(content.Length, properties.ContentLength);
        Assert.Equal(MD5.HashData(content), properties.ContentHash);
        Assert.Equal(artifact.Digest, properties.Metadata["sha256"]);

        var target = Work.File("large.copy");
        await store.MaterializeAsync(artifact, target);
        Assert.Equal(content, File.ReadAllBytes(target));
    }

    [Fact]
    public async Task An_existing_blob_of_the_same_length_is_not_uploaded_again()
    {
        var source = TestFiles.Write(Work.File("in.bin"), TestFiles.Bytes(10_000, seed: 5));
        var artifact = await store.PutAsync(source);
        var blob = container.GetBlobClient(BlobArtifactStore.BlobName(artifact.Digest));
        var before = (await blob.GetPropertiesAsync()).Value.ETag;

        Assert.Equal(artifact, await store.PutAsync(source));

        Assert.Equal(before, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public void Bad_container_names_are_refused_up_front()
    {
        Assert.Throws<ArgumentException>(() => new BlobArtifactStore(azurite.ConnectionString, "Has_Upper"));
        Assert.Throws<ArgumentException>(() => new BlobArtifactStore(azurite.ConnectionString, "a--b"));
    }
}
