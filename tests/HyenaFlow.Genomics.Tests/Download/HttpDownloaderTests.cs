using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class HttpDownloaderTests : IAsyncLifetime
{
    private const int Size = 300_000;

    private readonly LocalHttpServer server = new();
    private readonly TempDirectory temp = new("download");
    private readonly List<TimeSpan> delays = [];
    private readonly byte[] data = DownloadTestData.RandomBytes(Size, seed: 1);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task DownloadsVerifiesAndReportsProgress()
    {
        server.Serve("data.bin", data);
        var reports = new List<ProgressReport>();
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"), new SyncProgress(reports.Add));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal($"md5 {DownloadTestData.Md5(data)}", result.VerifiedChecksum);
        Assert.Equal((Size, 1, false), (result.Bytes, result.Requests, result.AlreadyPresent));
        Assert.False(File.Exists(result.Path + ".part"));
        ProgressReport lastTransfer = reports.Last(r => r.Stage == "data.bin");
        Assert.Equal((Size, Size, "B"), (lastTransfer.Done, lastTransfer.Total, lastTransfer.Unit));
        Assert.Contains(reports, r => r.Stage == "data.bin (md5 check)" && r.Done == Size);
    }

    [Fact]
    public async Task ResumesWithRangeAfterDroppedConnections()
    {
        server.Serve("data.bin", data).DropAfter(100_000).DropAfter(50_000);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal([null, "bytes=100000-", "bytes=150000-"], server.RequestsFor("data.bin").Select(r => r.Range));
        Assert.Equal(3, result.Requests);
        Assert.Equal(2, delays.Count);
    }

    [Fact]
    public async Task ResumesAfterAStalledTransfer()
    {
        server.Serve("data.bin", data).StallAfter(70_000);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays, idleTimeout: TimeSpan.FromMilliseconds(300)));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal([null, "bytes=70000-"], server.RequestsFor("data.bin").Select(r => r.Range));
    }

    [Fact]
    public async Task RetriesServiceUnavailableHonouringRetryAfter()
    {
        server.Serve("data.bin", data).FailWith(503, retryAfterSeconds: 7, times: 2);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal(3, server.RequestsFor("data.bin").Count);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], delays);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task RetriesTransientStatusesWithGrowingJitteredBackOff(int status)
    {
        server.Serve("data.bin", data).FailWith(status, times: 3);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(4, server.RequestsFor("data.bin").Count);
        Assert.Equal(3, delays.Count);
        for (int i = 0; i < delays.Count; i++)
        {
            double nominal = 100 * Math.Pow(2, i);
            Assert.InRange(delays[i].TotalMilliseconds, nominal * 0.5, nominal);
        }
    }

    [Fact]
    public async Task GivesUpAfterMaxAttemptsWithoutProgress()
    {
        server.Serve("data.bin", data).FailWith(503, times: 10);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(Request("data.bin")));

        Assert.Contains("giving up after 4 request(s)", error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, server.RequestsFor("data.bin").Count);
        Assert.False(File.Exists(temp.File("data.bin")));
    }

    [Theory]
    [InlineData(404, "not there")]
    [InlineData(403, "access refused")]
    [InlineData(400, "HTTP 400")]
    public async Task DoesNotRetryClientErrors(int status, string expected)
    {
        server.Serve("data.bin", data).FailWith(status, times: 5);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(Request("data.bin")));

        Assert.Contains(expected, error.Message);
        Assert.Single(server.RequestsFor("data.bin"));
        Assert.Empty(delays);
    }

    [Fact]
    public async Task RetriesRefusedConnections()
    {
        var unused = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        unused.Start();
        int port = ((System.Net.IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        var error = await Assert.ThrowsAsync<DownloadException>(
            () => downloader.DownloadAsync(new DownloadRequest(new Uri($"http://127.0.0.1:{port}/x.bin"), temp.File("x.bin"))));

        Assert.Contains("giving up after 4 request(s)", error.Message);
        Assert.Equal(3, delays.Count);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("text/csv")]
    public async Task RefusesAnHtmlPageWhereCsvWasExpected(string contentType)
    {
        server.Serve("Model.csv", "\n<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Just a moment...</title></head><body>Verify you are human</body></html>", contentType);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));
        var request = new DownloadRequest(server.Url("Model.csv"), temp.File("Model.csv")) { Content = ExpectedContent.Csv };

        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(request));

        Assert.Contains("the server returned an HTML page (\"Just a moment...\") instead of CSV data", error.Message);
        Assert.Contains("human verification", error.Message);
        Assert.Contains("Figshare", error.Message);
        Assert.Single(server.RequestsFor("Model.csv"));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task RefusesPlainTextWhereGzipWasExpected()
    {
        server.Serve("genome.fa.gz", ">chr1\nACGT\n");
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));
        var request = new DownloadRequest(server.Url("genome.fa.gz"), temp.File("genome.fa.gz")) { Content = ExpectedContent.Gzip };

        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(request));

        Assert.Contains("expected gzip-compressed data but the response starts with \">chr1", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task WrongChecksumDeletesThePartialFileAndFails()
    {
        server.Serve("data.bin", data);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));
        var request = Request("data.bin") with { Checksum = ExpectedChecksum.Md5(new string('0', 32)) };

        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(request));

        Assert.Contains("md5 mismatch for data.bin", error.Message);
        Assert.Contains(DownloadTestData.Md5(data), error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task RestartsFromZeroWhenTheServerIgnoresRange()
    {
        server.Serve("data.bin", data).HonourRange = false;
        File.WriteAllBytes(temp.File("data.bin.part"), DownloadTestData.RandomBytes(1000, seed: 99));
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal("bytes=1000-", Assert.Single(server.RequestsFor("data.bin")).Range);
    }

    [Fact]
    public async Task RestartsFromZeroWhenTheServerResumesAtTheWrongByte()
    {
        server.Serve("data.bin", data).ContentRangeError = 5;
        File.WriteAllBytes(temp.File("data.bin.part"), data[..1000]);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal(["bytes=1000-", null], server.RequestsFor("data.bin").Select(r => r.Range));
    }

    [Fact]
    public async Task FinishesAPartialFileThatIsAlreadyComplete()
    {
        server.Serve("data.bin", data);
        File.WriteAllBytes(temp.File("data.bin.part"), data);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal($"bytes={Size}-", Assert.Single(server.RequestsFor("data.bin")).Range);
    }

    [Fact]
    public async Task KeepsAFinalFileThatAlreadyMatches()
    {
        server.Serve("data.bin", data);
        File.WriteAllBytes(temp.File("data.bin"), data);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));

        Assert.True(result.AlreadyPresent);
        Assert.Empty(server.RequestsFor("data.bin"));
    }

    [Fact]
    public async Task CancellationLeavesOnlyThePartialFileAndALaterRunResumes()
    {
        server.Serve("data.bin", data).StallAfter(120_000);
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var progress = new SyncProgress(r =>
        {
            if (r.Done >= 120_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(Request("data.bin"), progress, cancel.Token));

        Assert.Equal([temp.File("data.bin.part")], Directory.GetFiles(temp.Path));
        Assert.Equal(data[..120_000], File.ReadAllBytes(temp.File("data.bin.part")));

        DownloadResult result = await downloader.DownloadAsync(Request("data.bin"));
        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal("bytes=120000-", server.RequestsFor("data.bin")[^1].Range);
        Assert.Equal([result.Path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task FollowsRedirectsKeepingTheRange()
    {
        server.Serve("store/data.bin", data).DropAfter(10_000);
        server.Redirect("files/42", "store/data.bin");
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        DownloadResult result = await downloader.DownloadAsync(Request("files/42"));

        Assert.Equal(data, File.ReadAllBytes(result.Path));
        Assert.Equal([null, "bytes=10000-"], server.RequestsFor("store/data.bin").Select(r => r.Range));
    }

    [Fact]
    public async Task GetTextRetriesAndRefusesHtml()
    {
        server.Serve("listing.txt", "abc  file\n").FailWith(502);
        server.Serve("page.txt", "<html><title>Moved</title></html>", "text/html");
        using var downloader = new HttpDownloader(DownloadTestData.QuickOptions(delays));

        Assert.Equal("abc  file\n", await downloader.GetTextAsync(server.Url("listing.txt")));
        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.GetTextAsync(server.Url("page.txt"), htmlHint: "check the address"));
        Assert.Contains("HTML page (\"Moved\") instead of a text file; check the address", error.Message);
    }

    private DownloadRequest Request(string path) =>
        new(server.Url(path), temp.File(Path.GetFileName(path) == "42" ? "data.bin" : Path.GetFileName(path)))
        {
            Checksum = ExpectedChecksum.Md5(DownloadTestData.Md5(data)),
        };
}
