using System.Net;
using System.Text.Json.Nodes;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class RunEndpointTests : IDisposable
{
    private readonly ServerFactory _server = new(runner: true);
    private readonly HttpClient _client;

    public RunEndpointTests()
    {
        _client = _server.CreateClient();
        _client.Timeout = TimeSpan.FromSeconds(60);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_run_succeeds_as_the_status_endpoint_and_the_event_stream_show()
    {
        await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages()));
        var started = await _client.PostJsonAsync("/api/runs", new { workflow = "hello", parameters = new { times = 3 } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await Json.ReadAsync(started))["id"]!.GetValue<string>();

        var events = await ReadEventsAsync(id);
        Assert.Equal("run", events[0].Name);
        Assert.Equal("end", events[^1].Name);
        Assert.Equal("succeeded", events[^1].Data["status"]!.GetValue<string>());
        var stageEvents = events.Where(e => e.Name == "stage").ToList();
        foreach (var stage in new[] { "first", "second" })
            Assert.Equal("succeeded", stageEvents.Last(e => e.Data["id"]!.GetValue<string>() == stage).Data["status"]!.GetValue<string>());
        Assert.Contains(events, e => e.Name == "log" && e.Data["text"]!.GetValue<string>().Contains("echoing 'hi' 3 times", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Id));

        var detail = await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}"));
        Assert.Equal("succeeded", detail["run"]!["status"]!.GetValue<string>());
        Assert.Equal("hihihi", detail["stages"]![1]!["outputs"]!["text"]!.GetValue<string>());
        Assert.Equal(["first"], detail["stages"]![1]!["dependsOn"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, (await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/stages"))).AsArray().Count);
        Assert.Equal(2, (await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/attempts"))).AsArray().Count);
        Assert.NotEmpty((await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/logs?stage=first"))).AsArray());
        Assert.NotEmpty((await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/stages/second/why"))).AsArray());
        Assert.Contains(id, (await Json.ReadAsync(await _client.GetAsync("/api/runs"))).AsArray().Select(r => r!["id"]!.GetValue<string>()));

        var rerun = await _client.PostJsonAsync($"/api/runs/{id}/rerun", new { stage = "first", downstream = true });
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        Assert.Equal(["first", "second"], (await Json.ReadAsync(rerun))["stages"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("succeeded", (await _client.WaitForRunAsync(id))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostJsonAsync($"/api/runs/{id}/rerun", new { })).StatusCode);
    }

    [Fact]
    public async Task A_failed_stage_shows_its_error_and_rerun_failed_executes_it_again()
    {
        await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages(text: "fail")));
        var id = (await Json.ReadAsync(await _client.PostJsonAsync("/api/runs", new { workflow = "hello" })))["id"]!.GetValue<string>();
        var run = await _client.WaitForRunAsync(id);
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        var stages = (await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}/stages"))).AsArray();
        Assert.Equal("failed", stages[0]!["status"]!.GetValue<string>());
        Assert.Contains("asked to fail", stages[0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        var rerun = await _client.PostJsonAsync($"/api/runs/{id}/rerun", new { });
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        Assert.Equal("failed", (await _client.WaitForRunAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_parameters_and_unknown_runs_are_refused()
    {
        await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages()));
        var bad = await _client.PostJsonAsync("/api/runs", new { workflow = "hello", parameters = new { times = "many" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("times", (await Json.ReadAsync(bad))["errors"]![0]!["path"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostJsonAsync("/api/runs", new { workflow = "missing" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostJsonAsync("/api/runs", new { workflow = "../hello" })).StatusCode);
        foreach (var url in new[] { "/api/runs/nope", "/api/runs/nope/stages", "/api/runs/nope/logs", "/api/runs/nope/events" })
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/runs/nope/cancel", null)).StatusCode);
    }


    private sealed record Event(int Id, string Name, JsonNode Data);

    private async Task<List<Event>> ReadEventsAsync(string id)
    {
        using var response = await _client.GetAsync($"/api/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<Event>();
        int? eventId = null;
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                eventId = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                events.Add(new Event(eventId!.Value, name!, JsonNode.Parse(line[6..])!));
        }

        return events;
    }
}
