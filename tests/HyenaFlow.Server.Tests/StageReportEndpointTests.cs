using System.Net;
using System.Text.Json.Nodes;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

/// <summary>A stage's metrics, report files and tracking links, as the Studio's run monitor reads them.</summary>
public sealed class StageReportEndpointTests : IDisposable
{
    private readonly ServerFactory _server = new(runner: true);
    private readonly HttpClient _client;

    public StageReportEndpointTests()
    {
        _client = _server.CreateClient();
        _client.Timeout = TimeSpan.FromSeconds(60);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Metrics_files_and_tracking_of_a_finished_run()
    {
        await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages()));
        var id = (await Json.ReadAsync(await _client.PostJsonAsync("/api/runs", new { workflow = "hello", parameters = new { times = 3 } })))["id"]!.GetValue<string>();
        Assert.Equal("succeeded", (await _client.WaitForRunAsync(id))["status"]!.GetValue<string>());

        var metrics = await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/stages/first/metrics"));
        Assert.Equal("first", metrics["stage"]!.GetValue<string>());
        var points = metrics["metrics"]!.AsArray();
        Assert.Equal([1L, 2, 3], points.Select(p => p!["step"]!.GetValue<long>()));
        Assert.Equal([2.0, 4, 6], points.Select(p => p!["value"]!.GetValue<double>()));
        Assert.All(points, p => Assert.Equal("echo/length", p!["key"]!.GetValue<string>()));

        var files = (await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/files"))).AsArray();
        Assert.Equal(["first", "second"], files.Select(f => f!["stage"]!.GetValue<string>()));
        Assert.All(files, f => Assert.Equal("texts/echo.txt", f!["path"]!.GetValue<string>()));
        var content = await _client.GetAsync(files[0]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("text/plain", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hihihi", await content.Content.ReadAsStringAsync());

        // Without a tracking server there is nothing to link to.
        var tracking = await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/tracking"));
        Assert.Null(tracking["url"]);
    }

    [Fact]
    public async Task Only_recorded_report_files_are_served()
    {
        await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages()));
        var id = (await Json.ReadAsync(await _client.PostJsonAsync("/api/runs", new { workflow = "hello" })))["id"]!.GetValue<string>();
        await _client.WaitForRunAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/runs/{id}/stages/first/files/texts/other.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/runs/{id}/stages/first/files/..%2F..%2Fhyenaflow.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/runs/no-such-run/stages/first/metrics")).StatusCode);
    }
}
