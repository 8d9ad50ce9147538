using System.Security.Cryptography;
using System.Text;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

/// <summary>What every artifact store must do; each store's test class inherits these and supplies the store.</summary>
public abstract class ArtifactStoreBehaviours : IDisposable
{
    protected ArtifactStoreBehaviours()
    {
        Work = new TempDirectory("store-work");
    }

    protected TempDirectory Work { get; }

    protected abstract ContentAddressedStore Store { get; }

    /// <summary>Replaces the blob's bytes with others of the same length, behind the store's back.</summary>
    protected abstract Task CorruptBlobAsync(string digest);

    /// <summary>Digests of every blob the store holds.</summary>
    protected abstract Task<IReadOnlySet<string>> BlobDigestsAsync();

    [Fact]
    public async Task File_round_trips_under_its_sha256()
    {
        var content = TestFiles.Bytes(300_000, seed: 7);
        var source = TestFiles.Write(Work.File("in.bin"), content);

        var artifact = await Store.PutAsync(source);

        Assert.Equal(new ArtifactRef(ArtifactKind.File, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length), artifact);
        Assert.True(await Store.ContainsAsync(artifact));
        var target = Work.File("out/nested/copy.bin");
        await Store.MaterializeAsync(artifact, target);
        Assert.Equal(content, File.ReadAllBytes(target));

        // A file target is replaced atomically when it already exists.
        File.WriteAllText(target, "stale");
        await Store.MaterializeAsync(artifact, target);
        Assert.Equal(content, File.ReadAllBytes(target));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task Directory_round_trips_as_a_canonical_manifest()
    {
        var source = TestFiles.WriteTree(Work.File("tree"));

        var artifact = await Store.PutAsync(source);

        Assert.Equal(ArtifactKind.Directory, artifact.Kind);
        var manifest = await Store.ReadManifestAsync(artifact);
        Assert.Equal(["a.txt", "empty.bin", "sub/b.bin", "sub/copy-of-a.txt", "sub/deeper/c.bin"], manifest.Files.Select(f => f.Path));
        var json = manifest.ToCanonicalJson();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(json)), artifact.Digest);
        Assert.Equal(json.Length, artifact.Length);
        Assert.StartsWith("{\"version\":1,\"files\":[{\"path\":\"a.txt\",\"sha256\":\"", Encoding.UTF8.GetString(json));

        var target = Work.File("restored");
        await Store.MaterializeAsync(artifact, target);
        Assert.Equal(TestFiles.Snapshot(source), TestFiles.Snapshot(target));
        Assert.True(await Store.ContainsAsync(artifact));
    }

    [Fact]
    public async Task Same_content_is_stored_once()
    {
        var tree = TestFiles.WriteTree(Work.File("tree"));
        var first = await Store.PutAsync(tree);
        var blobs = await BlobDigestsAsync();

        // Four distinct file contents (a.txt and its copy are one blob) plus the manifest.
        Assert.Equal(5, blobs.Count);

        var again = await Store.PutAsync(tree);
        var elsewhere = await Store.PutAsync(TestFiles.WriteTree(Work.File("other-place")));
        var single = await Store.PutAsync(Path.Combine(tree, "sub", "copy-of-a.txt"));

        Assert.Equal(first, again);
        Assert.Equal(first, elsewhere);
        Assert.Contains(single.Digest, blobs);
        Assert.Equal(blobs, await BlobDigestsAsync());
    }

    [Fact]
    public async Task A_corrupt_blob_is_detected_on_read()
    {
        var content = TestFiles.Bytes(50_000, seed: 3);
        var artifact = await Store.PutAsync(TestFiles.Write(Work.File("in.bin"), content));
        await CorruptBlobAsync(artifact.Digest);

        var target = Work.File("out.bin");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.MaterializeAsync(artifact, target));

        Assert.Contains(artifact.Digest, error.Message);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(Work.Path, ".out.bin*"));
    }

    [Fact]
    public async Task Materializing_a_directory_is_atomic_the_target_is_absent_after_a_failure()
    {
        var source = TestFiles.WriteTree(Work.File("tree"));
        var artifact = await Store.PutAsync(source);
        var manifest = await Store.ReadManifestAsync(artifact);

        // The last file in manifest order, so earlier files were already written when it fails.
        var last = manifest.Files[^1];
        await CorruptBlobAsync(last.Digest);

        var target = Work.File("restored");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.MaterializeAsync(artifact, target));

        Assert.Contains(last.Digest, error.Message);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(Work.Path, ".restored*"));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("ok/../../evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("C:evil.txt")]
    [InlineData("ok//evil.txt")]
    [InlineData("./evil.txt")]
    public async Task A_manifest_path_leading_outside_is_refused_on_materialize(string evilPath)
    {
        var payload = await Store.PutAsync(TestFiles.Write(Work.File("payload.txt"), "pwned"u8.ToArray()));
        var manifest = $"{{\"version\":1,\"files\":[{{\"path\":{System.Text.Json.JsonSerializer.Serialize(evilPath)},\"sha256\":\"{payload.Digest}\",\"length\":5}}]}}";
        var stored = await Store.PutAsync(TestFiles.Write(Work.File("manifest.json"), Encoding.UTF8.GetBytes(manifest)));
        var crafted = stored with { Kind = ArtifactKind.Directory };

        var target = Work.File("victim/restored");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.MaterializeAsync(crafted, target));

        Assert.Contains(evilPath, error.Message);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(Work.File("victim")));
        Assert.False(File.Exists(Work.File("evil.txt")));
        Assert.False(await Store.ContainsAsync(crafted));
    }

    [Fact]
    public async Task A_file_name_that_is_not_a_portable_path_is_refused_on_put()
    {
        var tree = TestFiles.WriteTree(Work.File("tree"));
        TestFiles.Write(Path.Combine(tree, "sub", "..\\..\\evil.txt"), "x"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.PutAsync(tree));

        Assert.Contains("backslash", error.Message);
    }

    [Fact]
    public async Task Unknown_and_malformed_references_are_reported()
    {
        var unknown = new ArtifactRef(ArtifactKind.File, new string('0', 64), 10);

        Assert.False(await Store.ContainsAsync(unknown));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.MaterializeAsync(unknown, Work.File("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.MaterializeAsync(unknown with { Digest = "../../../etc/passwd" }, Work.File("x")));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.PutAsync(Work.File("does-not-exist")));
        Assert.False(File.Exists(Work.File("x")));
    }

    public virtual void Dispose()
    {
        Work.Dispose();
        GC.SuppressFinalize(this);
    }
}
