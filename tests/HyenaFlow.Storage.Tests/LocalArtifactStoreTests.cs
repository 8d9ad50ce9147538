using HyenaFlow.Storage.Local;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

public sealed class LocalArtifactStoreTests : ArtifactStoreBehaviours
{
    private readonly TempDirectory root = new("local-store");
    private readonly LocalArtifactStore store;

    public LocalArtifactStoreTests()
    {
        store = new LocalArtifactStore(root.Path);
    }

    protected override ContentAddressedStore Store => store;

    protected override Task CorruptBlobAsync(string digest)
    {
        var path = store.BlobPath(digest);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlySet<string>> BlobDigestsAsync()
    {
        var blobs = Path.Combine(root.Path, "sha256");
        IReadOnlySet<string> digests = Directory.Exists(blobs)
            ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(Path.GetDirectoryName(f)) + Path.GetFileName(f))
                .ToHashSet()
            : new HashSet<string>();
        return Task.FromResult(digests);
    }

    [Fact]
    public async Task Blobs_live_under_sha256_fan_out_folders_with_nothing_left_in_tmp()
    {
        var artifact = await store.PutAsync(TestFiles.Write(Work.File("in.txt"), "hello\n"u8.ToArray()));

        Assert.Equal("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", artifact.Digest);
        Assert.True(File.Exists(Path.Combine(root.Path, "sha256", "58", "91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(root.Path, "tmp")));
    }

    [Fact]
    public async Task A_blob_of_the_wrong_length_is_not_counted_as_present_and_is_repaired_by_put()
    {
        var source = TestFiles.Write(Work.File("in.bin"), TestFiles.Bytes(1000, seed: 9));
        var artifact = await store.PutAsync(source);
        File.WriteAllBytes(store.BlobPath(artifact.Digest), [1, 2, 3]);

        Assert.False(await store.ContainsAsync(artifact));
        Assert.Equal(artifact, await store.PutAsync(source));
        Assert.True(await store.ContainsAsync(artifact));
    }

    public override void Dispose()
    {
        base.Dispose();
        root.Dispose();
    }
}
