using HyenaFlow.Storage.Manifests;

namespace HyenaFlow.Storage.Tests;

public sealed class ManifestTests
{
    [Theory]
    [InlineData("a.txt", null)]
    [InlineData("sub/dir/file.bin", null)]
    [InlineData("..", "'..'")]
    [InlineData("a/./b", "'.'")]
    [InlineData("/abs", "absolute")]
    [InlineData("a\\b", "backslash")]
    [InlineData("c:x", "':'")]
    [InlineData("a/", "empty segment")]
    [InlineData("", "empty")]
    [InlineData("a\nb", "control")]
    public void Manifest_paths_are_checked(string path, string? problem)
    {
        var found = ArtifactPath.Problem(path);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }

    [Fact]
    public void A_manifest_with_a_file_inside_a_file_or_a_duplicate_is_refused()
    {
        var digest = new string('a', 64);

        Assert.Throws<InvalidDataException>(() => new ArtifactManifest([new("a", digest, 1), new("a/b", digest, 1)]));
        Assert.Throws<InvalidDataException>(() => new ArtifactManifest([new("a", digest, 1), new("a", digest, 1)]));
        Assert.Throws<InvalidDataException>(() => new ArtifactManifest([new("a", "ABC", 1)]));
    }

    [Fact]
    public void Canonical_json_does_not_depend_on_the_order_files_are_given_in()
    {
        var a = new ManifestEntry("b/z.txt", new string('1', 64), 3);
        var b = new ManifestEntry("a.txt", new string('2', 64), 0);

        var json = new ArtifactManifest([a, b]).ToCanonicalJson();

        Assert.Equal(json, new ArtifactManifest([b, a]).ToCanonicalJson());
        Assert.Equal(
            $"{{\"version\":1,\"files\":[{{\"path\":\"a.txt\",\"sha256\":\"{b.Digest}\",\"length\":0}},{{\"path\":\"b/z.txt\",\"sha256\":\"{a.Digest}\",\"length\":3}}]}}",
            System.Text.Encoding.UTF8.GetString(json));
        Assert.Equal([b, a], ArtifactManifest.Parse(json, "test").Files);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\":2,\"files\":[]}")]
    [InlineData("{\"version\":1,\"files\":[{\"path\":\"a\"}]}")]
    public void Malformed_manifests_are_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => ArtifactManifest.Parse(System.Text.Encoding.UTF8.GetBytes(json), "test"));
    }
}
