using System.Net;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class ActivityEndpointTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Activities_come_with_their_input_schemas()
    {
        var client = _server.CreateClient();
        var echo = Assert.Single((await Json.ReadAsync(await client.GetAsync("/api/activities"))).AsArray())!;
        Assert.Equal("echo@1", echo["reference"]!.GetValue<string>());
        Assert.Equal("integer", echo["inputs"]![1]!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal(1, echo["inputs"]![1]!["default"]!.GetValue<int>());
        Assert.Equal("text", echo["inputSchema"]!["required"]![0]!.GetValue<string>());
        Assert.Equal("cpu", echo["resources"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/echo/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/activities/echo/9")).StatusCode);
    }
}
