using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

/// <summary>
/// The download verbs against a real HTTP server on 127.0.0.1. The sources' base URLs are moved there
/// through their environment variables, which only these tests set (so they live in one class).
/// </summary>
public sealed class DownloadCommandTests : IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private readonly TempDirectory temp = new("cli-download");
    private readonly byte[] fasta = DownloadTestData.GzipFasta(seed: 21);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task GenomeFromAUrlWithMd5()
    {
        server.Serve("mirror/genome.fa.gz", fasta);

        var (code, output, error) = await CliRunner.RunAsync(
            "download", "genome", "--source", server.Url("mirror/genome.fa.gz").ToString(), "--out", temp.File("ref/genome.fa.gz"), "--md5", DownloadTestData.Md5(fasta));

        Assert.True(code == 0, error);
        Assert.Equal(fasta, File.ReadAllBytes(temp.File("ref/genome.fa.gz")));
        Assert.Contains($"md5 {DownloadTestData.Md5(fasta)}", output);
    }

    [Fact]
    public async Task GenomeFromNcbiThroughTheEnvironmentBase()
    {
        server.Serve("ncbi/" + GenomeSources.NcbiFile, fasta);
        server.Serve("ncbi/md5checksums.txt", $"{DownloadTestData.Md5(fasta)}  ./{GenomeSources.NcbiFile}\n");

        var (code, output, error) = await WithVariable(GenomeSourceOptions.NcbiBaseVariable, server.Url("ncbi").ToString(),
            () => CliRunner.RunAsync("download", "genome", "--source", "ncbi", "--out", temp.File("grch38.fna.gz")));

        Assert.True(code == 0, error);
        Assert.Equal(fasta, File.ReadAllBytes(temp.File("grch38.fna.gz")));
        Assert.Contains("downloaded", output);
    }

    [Fact]
    public async Task DepMapReleaseThroughTheEnvironmentApi()
    {
        FigshareFixture.Serve(server, 27993248);

        var (code, output, error) = await WithVariable(FigshareClient.ApiBaseVariable, server.Url("v2/").ToString(),
            () => CliRunner.RunAsync("download", "depmap", "--release", "24Q4", "--out", temp.File("depmap")));

        Assert.True(code == 0, error);
        Assert.Equal(FigshareFixture.Model, File.ReadAllBytes(temp.File("depmap/Model.csv")));
        Assert.Equal(FigshareFixture.Mutations, File.ReadAllBytes(temp.File("depmap/OmicsSomaticMutations.csv")));
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task VerificationPageFailsWithExitCodeOne()
    {
        server.Serve("portal/Model.csv", "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>", "text/html");

        var (code, _, error) = await CliRunner.RunAsync("download", "depmap", "--release", server.Url("portal/Model.csv").ToString(), "--out", temp.Path);

        Assert.Equal(1, code);
        Assert.Contains("HTML page (\"Just a moment...\") instead of CSV data", error);
        Assert.Contains("use the Figshare release instead", error);
        Assert.False(File.Exists(temp.File("Model.csv")));
    }

    [Fact]
    public async Task RetriesAreReportedOnStandardError()
    {
        server.Serve("mirror/genome.fa.gz", fasta).FailWith(503, retryAfterSeconds: 0);

        var (code, _, error) = await CliRunner.RunAsync("download", "genome", "--source", server.Url("mirror/genome.fa.gz").ToString(), "--out", temp.File("g.fa.gz"));

        Assert.Equal(0, code);
        Assert.Contains("HTTP 503 Service Unavailable; retrying in 0.0 s (request 2)", error);
    }

    [Fact]
    public async Task MissingFileFailsWithExitCodeOne()
    {
        var (code, _, error) = await CliRunner.RunAsync("download", "genome", "--source", server.Url("nothing.fa.gz").ToString(), "--out", temp.File("x.fa.gz"));

        Assert.Equal(1, code);
        Assert.Contains("HTTP 404", error);
    }

    [Theory]
    [InlineData("download", "genome", "--source", "gencode", "--out", "x.fa.gz")]
    [InlineData("download", "genome", "--source", "ncbi", "--out", "x.fa.gz", "--md5", "xyz")]
    [InlineData("download", "depmap", "--release", "19Q1", "--out", "dir")]
    public async Task BadArgumentsAreUsageErrors(params string[] args)
    {
        var (code, _, _) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
    }

    private static async Task<T> WithVariable<T>(string name, string value, Func<Task<T>> action)
    {
        string? before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }
    }
}
