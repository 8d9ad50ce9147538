using System.Net;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class ScheduleEndpointTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Schedules_are_added_listed_with_next_fire_and_removed()
    {
        var client = _server.CreateClient();
        await client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages()));

        var badCron = await client.PostJsonAsync("/api/schedules", new { workflow = "hello", cron = "every day" });
        Assert.Equal(HttpStatusCode.BadRequest, badCron.StatusCode);
        Assert.Equal("$.cron", (await Json.ReadAsync(badCron))["errors"]![0]!["path"]!.GetValue<string>());
        var badParameter = await client.PostJsonAsync("/api/schedules", new { workflow = "hello", cron = "0 0 3 * * ?", parameters = new { times = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, badParameter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync("/api/schedules", new { workflow = "nothere", cron = "0 0 3 * * ?" })).StatusCode);

        var added = await client.PostJsonAsync("/api/schedules", new { workflow = "hello", cron = "0 0 3 * * ?", parameters = new { times = 3 } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await Json.ReadAsync(added))["id"]!.GetValue<string>();

        var schedule = Assert.Single((await Json.ReadAsync(await client.GetAsync("/api/schedules"))).AsArray())!;
        Assert.Equal("hello", schedule["workflow"]!.GetValue<string>());
        Assert.Equal(3, schedule["parameters"]!["times"]!.GetValue<int>());
        var next = schedule["nextFire"]!.GetValue<DateTimeOffset>();
        Assert.Equal(3, next.UtcDateTime.Hour);
        Assert.True(next > DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/schedules/{id}")).StatusCode);
        Assert.Empty((await Json.ReadAsync(await client.GetAsync("/api/schedules"))).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/schedules/{id}")).StatusCode);
    }
}
