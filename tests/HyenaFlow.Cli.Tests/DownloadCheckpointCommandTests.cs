using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

/// <summary>
/// <c>download checkpoint</c> against a real HTTP server on 127.0.0.1 serving the official tiny-1k fixture.
/// The base URL is moved there through its environment variable, which only this class sets.
/// </summary>
public sealed class DownloadCheckpointCommandTests : IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private readonly TempDirectory temp = new("cli-checkpoint");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task ByNameThroughTheEnvironmentBasePrintsConfigAndTensors()
    {
        PublishedCheckpointFixture.Serve(server);
        string output = temp.File("tiny");

        var (code, stdout, error) = await WithBase(() => CliRunner.RunAsync(
            "download", "checkpoint", "--model", "hyenadna-tiny-1k-seqlen", "--out", output, "--sha256", PublishedCheckpointFixture.Sha256));

        Assert.True(code == 0, error);
        Assert.Equal(PublishedCheckpointFixture.Weights, File.ReadAllBytes(Path.Combine(output, "weights.ckpt")));
        Assert.True(File.Exists(Path.Combine(output, "config.json")));
        Assert.Contains($"sha256 {PublishedCheckpointFixture.Sha256}", stdout);
        Assert.Contains("config: tiny-1k (d_model 128, 2 layers, l_max 1,026)", stdout);
        Assert.Contains($"loaded {PublishedCheckpointFixture.BackboneTensors} tensors", stdout);
    }

    [Fact]
    public async Task ByTheAddressOfAMirrorFolder()
    {
        server.Serve("mirror/hyenadna/tiny/config.json", PublishedCheckpointFixture.ConfigJson, "application/json");
        server.Serve("mirror/hyenadna/tiny/weights.ckpt", PublishedCheckpointFixture.Weights);
        string folder = temp.File("repo");

        var (code, stdout, error) = await CliRunner.RunAsync("download", "checkpoint", "--model", server.Url("mirror/hyenadna/tiny").ToString(), "--out", folder);

        Assert.True(code == 0, error);
        Assert.Contains($"from {server.Url("mirror/hyenadna/tiny/")}", stdout);
        Assert.Equal(["config.json", "weights.ckpt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task AnHtmlPageFailsWithExitCodeOne()
    {
        PublishedCheckpointFixture.Serve(server, weights: "<html><head><title>Sign in</title></head></html>"u8.ToArray()).ContentType = "text/html";

        var (code, _, error) = await WithBase(() => CliRunner.RunAsync("download", "checkpoint", "--model", "tiny-1k", "--out", temp.File("x")));

        Assert.Equal(1, code);
        Assert.Contains("weights.ckpt: the server returned an HTML page (\"Sign in\")", error);
        Assert.False(Directory.Exists(temp.File("x")));
    }

    [Theory]
    [InlineData("download", "checkpoint", "--model", "hyenadna-giant-seqlen", "--out", "x")]
    [InlineData("download", "checkpoint", "--model", "tiny-1k", "--out", "x", "--sha256", "abc")]
    [InlineData("download", "checkpoint", "--out", "x")]
    public async Task BadArgumentsAreUsageErrors(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        if (args[3] == "hyenadna-giant-seqlen")
        {
            Assert.Contains(string.Join(", ", CheckpointSources.Names), error);
        }
    }

    private async Task<T> WithBase<T>(Func<Task<T>> action)
    {
        string? before = Environment.GetEnvironmentVariable(CheckpointSourceOptions.BaseVariable);
        Environment.SetEnvironmentVariable(CheckpointSourceOptions.BaseVariable, server.BaseUri.ToString());
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(CheckpointSourceOptions.BaseVariable, before);
        }
    }
}
