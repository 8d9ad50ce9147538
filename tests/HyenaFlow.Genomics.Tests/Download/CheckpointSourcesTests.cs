using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class CheckpointSourcesTests
{
    private static readonly CheckpointSources Hub = new();
    private static readonly CheckpointSources Mirror = new(CheckpointSourceOptions.FromEnvironment(_ => "http://127.0.0.1:8080/hub"));

    [Theory]
    [InlineData("hyenadna-tiny-1k-seqlen")]
    [InlineData("tiny-1k")]
    [InlineData("HyenaDNA-Tiny-1k-SeqLen")]
    public void Names_resolve_to_the_hub_download_folder(string model)
    {
        var source = Hub.Resolve(model);

        Assert.Equal("hyenadna-tiny-1k-seqlen", source.Name);
        Assert.Equal("https://huggingface.co/LongSafari/hyenadna-tiny-1k-seqlen/resolve/main/weights.ckpt", source.WeightsUrl.ToString());
        Assert.Equal("https://huggingface.co/LongSafari/hyenadna-tiny-1k-seqlen/resolve/main/config.json", source.ConfigUrl.ToString());
    }

    [Fact]
    public void The_environment_moves_the_base()
    {
        Assert.Equal(
            "http://127.0.0.1:8080/hub/LongSafari/hyenadna-large-1m-seqlen/resolve/main/weights.ckpt",
            Mirror.Resolve("large-1m").WeightsUrl.ToString());
        Assert.Equal(CheckpointSourceOptions.DefaultBase, CheckpointSourceOptions.FromEnvironment(_ => " ").Base);
    }

    [Theory]
    [InlineData("https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen", "https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/resolve/main/")]
    [InlineData("https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/tree/v1", "https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/resolve/v1/")]
    [InlineData("https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/blob/main/weights.ckpt", "https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/resolve/main/")]
    [InlineData("https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/resolve/main/config.json", "https://huggingface.co/LongSafari/hyenadna-small-32k-seqlen/resolve/main/")]
    [InlineData("http://mirror.test/models/hyenadna-small-32k-seqlen", "http://mirror.test/models/hyenadna-small-32k-seqlen/")]
    [InlineData("http://mirror.test/a/b/weights.ckpt", "http://mirror.test/a/b/")]
    public void Addresses_resolve_to_the_folder_holding_both_files(string address, string folder)
    {
        var source = Hub.Resolve(address);

        Assert.Equal(folder, source.Folder.ToString());
        Assert.Equal(folder.Contains("small-32k", StringComparison.Ordinal) ? "hyenadna-small-32k-seqlen" : "b", source.Name);
    }

    [Fact]
    public void An_unknown_name_lists_every_known_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Hub.Resolve("hyenadna-tiny-1k-seqlen-hf"));

        Assert.Equal(
            "unknown HyenaDNA checkpoint 'hyenadna-tiny-1k-seqlen-hf': use one of hyenadna-tiny-1k-seqlen, hyenadna-small-32k-seqlen, "
            + "hyenadna-medium-160k-seqlen, hyenadna-medium-450k-seqlen, hyenadna-large-1m-seqlen (or the short form, e.g. tiny-1k), "
            + "or the http(s) address of a folder holding config.json and weights.ckpt.",
            error.Message);
        Assert.False(CheckpointSources.IsValid("hyenadna-tiny-1k-seqlen-hf"));
        Assert.True(CheckpointSources.IsValid("medium-450k"));
    }

    [Fact]
    public void Sha256_checksums_are_64_hex_digits()
    {
        Assert.True(Sha256Checksum.IsHex(new string('a', 64)));
        Assert.False(Sha256Checksum.IsHex(new string('a', 32)));
        Assert.Equal("sha256 " + new string('b', 64), new Sha256Checksum(new string('B', 64)).ToString());
        Assert.Throws<ArgumentException>(() => new Sha256Checksum("xyz"));
    }
}
