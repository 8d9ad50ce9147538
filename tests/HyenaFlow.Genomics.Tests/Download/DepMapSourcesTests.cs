using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class DepMapSourcesTests : IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private readonly TempDirectory temp = new("depmap-download");
    private readonly HttpDownloader downloader = new(DownloadTestData.QuickOptions());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        downloader.Dispose();
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Release24Q4ComesFromTheFigshareApiWithItsMd5()
    {
        FigshareFixture.Serve(server, 27993248);

        IReadOnlyList<DownloadResult> results = await Sources().DownloadAsync(["24Q4"], temp.Path);

        Assert.Equal(["Model.csv", "OmicsSomaticMutations.csv"], results.Select(r => Path.GetFileName(r.Path)));
        Assert.Equal(FigshareFixture.Model, File.ReadAllBytes(temp.File("Model.csv")));
        Assert.Equal(FigshareFixture.Mutations, File.ReadAllBytes(temp.File("OmicsSomaticMutations.csv")));
        Assert.Equal($"md5 {DownloadTestData.Md5(FigshareFixture.Model)}", results[0].VerifiedChecksum);
        Assert.Contains("page_size=", Assert.Single(server.RequestsFor("v2/articles/27993248/files")).Target);
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public async Task OlderReleasesAndArticleIdsResolveToTheirArticles()
    {
        FigshareFixture.Serve(server, 21637199);
        FigshareFixture.Serve(server, 1234);

        IReadOnlyList<DownloadRequest> requests = await Sources().ResolveAsync(["22q4", "1234"], temp.Path, ["Model.csv"]);

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(ExpectedContent.Csv, r.Content));
        Assert.Single(server.RequestsFor("v2/articles/21637199/files"));
        Assert.Single(server.RequestsFor("v2/articles/1234/files"));
    }

    [Fact]
    public async Task WrongListedMd5FailsAndLeavesNoFile()
    {
        FigshareFixture.Serve(server, 27993248, new Dictionary<string, string> { ["Model.csv"] = new string('e', 32) });

        var error = await Assert.ThrowsAsync<DownloadException>(() => Sources().DownloadAsync(["24Q4"], temp.Path, ["Model.csv"]));

        Assert.Contains("md5 mismatch for Model.csv", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task MissingFileNamesWhatTheReleaseHas()
    {
        FigshareFixture.Serve(server, 27993248);

        var error = await Assert.ThrowsAsync<DataFormatException>(() => Sources().ResolveAsync(["24Q4"], temp.Path, ["CCLE_mutations.csv"]));

        Assert.Contains("has no file 'CCLE_mutations.csv'; it lists Model.csv, OmicsSomaticMutations.csv, README.txt", error.Message);
    }

    [Fact]
    public async Task LiteralUrlsAreSavedUnderTheirNames()
    {
        server.Serve("portal/download/Model.csv", FigshareFixture.Model, "text/csv");

        IReadOnlyList<DownloadResult> results = await Sources().DownloadAsync([server.Url("portal/download/Model.csv").ToString()], temp.Path);

        Assert.Equal(temp.File("Model.csv"), Assert.Single(results).Path);
        Assert.Equal(FigshareFixture.Model, File.ReadAllBytes(temp.File("Model.csv")));
    }

    [Fact]
    public async Task PortalVerificationPageIsReportedClearly()
    {
        server.Serve("portal/download/OmicsSomaticMutations.csv", "<!doctype html><html><head><title>Human Verification</title></head></html>", "text/html");

        var error = await Assert.ThrowsAsync<DownloadException>(
            () => Sources().DownloadAsync([server.Url("portal/download/OmicsSomaticMutations.csv").ToString()], temp.Path));

        Assert.Contains("HTML page (\"Human Verification\") instead of CSV data; the portal may require human verification — use the Figshare release instead", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task UnknownReleaseIsRefused()
    {
        Assert.False(DepMapSources.IsValidRelease("25Q9"));
        await Assert.ThrowsAsync<ArgumentException>(() => Sources().ResolveAsync(["25Q9"], temp.Path));
    }

    [Fact]
    public void FigshareListingErrorsNameTheProblem()
    {
        var error = Assert.Throws<DataFormatException>(() => FigshareClient.Parse("[{\"id\": 1, \"name\": \"Model.csv\"}]", "api"));
        Assert.Contains("'download_url' is missing", error.Message);
        Assert.Throws<DataFormatException>(() => FigshareClient.Parse("{\"message\": \"Entity not found\"}", "api"));
    }

    private DepMapSources Sources() => new(downloader, new FigshareClient(downloader, server.Url("v2")));
}
