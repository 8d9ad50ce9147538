using System.Net;
using HyenaFlow.Server.Security;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class SecurityTests
{
    [Fact]
    public void A_non_loopback_bind_without_a_key_refuses_to_start()
    {
        using var server = new ServerFactory(urls: "http://0.0.0.0:5080");
        var error = Assert.Throws<InvalidOperationException>(() => server.CreateClient());
        Assert.Contains("without an API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_only_the_right_key_gets_in()
    {
        using var server = new ServerFactory(urls: "http://127.0.0.1:5080;http://192.168.1.10:5080", apiKey: "s3cret-key");
        var client = server.CreateClient();

        var missing = await client.GetAsync("/api/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());

        foreach (var wrong in new[] { "s3cret-kez", "s3cret-key ", "", "s3cret" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities");
            request.Headers.TryAddWithoutValidation(ApiKeyPolicy.Header, wrong);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        foreach (var url in new[] { "/api/activities", "/openapi/v1.json" })
        {
            using var right = new HttpRequestMessage(HttpMethod.Get, url);
            right.Headers.Add(ApiKeyPolicy.Header, "s3cret-key");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_key_the_Studio_still_loads_so_that_it_can_ask_for_the_key()
    {
        string studio = Directory.CreateTempSubdirectory("hyenaflow-studio-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(studio, "index.html"), "<!doctype html><title>HyenaFlow Studio</title>");
            using var server = new ServerFactory(urls: "http://192.168.1.10:5080", apiKey: "s3cret-key", studio: studio);
            var client = server.CreateClient();

            Assert.Contains("HyenaFlow Studio", await client.GetStringAsync("/"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workflows")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/no-such-file.db")).StatusCode);
        }
        finally
        {
            Directory.Delete(studio, recursive: true);
        }
    }

    [Fact]
    public async Task Loopback_needs_no_key()
    {
        using var server = new ServerFactory(urls: "http://127.0.0.1:5080;http://localhost:5081;http://[::1]:5082");
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/activities")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("unix:/tmp/hyenaflow.sock", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://example.org:5080", false)]
    public void Loopback_addresses_are_told_apart(string url, bool loopback) =>
        Assert.Equal(loopback, BindAddresses.IsLoopback(url));
}
