using System.Net;
using System.Text.RegularExpressions;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed partial class OpenApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_group()
    {
        var document = await Json.ReadAsync(await _server.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/activities", "/api/workflows", "/api/workflows/{name}", "/api/workflows/validate", "/api/runs", "/api/runs/{id}/events", "/api/runs/{id}/rerun", "/api/schedules" })
            Assert.Contains(expected, paths);
    }

    [Fact]
    public async Task The_api_reference_page_loads_its_script_from_this_server()
    {
        var client = _server.CreateClient();
        var page = await client.GetAsync("/api-reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.DoesNotContain("://", script, StringComparison.Ordinal);
            var url = script.StartsWith('/') ? script : "/api-reference/" + script;
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, url);
        }
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
