using System.Net;
using System.Text;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class WorkflowEndpointTests : IDisposable
{
    private readonly ServerFactory _server = new();
    private readonly HttpClient _client;

    public WorkflowEndpointTests() => _client = _server.CreateClient();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Create_then_get_returns_the_bytes_that_were_sent()
    {
        var json = Definitions.TwoStages();
        var created = await _client.PostAsync("/api/workflows", Json.Body(json));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/workflows/hello", created.Headers.Location?.OriginalString);

        var bytes = await _client.GetByteArrayAsync("/api/workflows/hello");
        Assert.Equal(Encoding.UTF8.GetBytes(json), bytes);
        Assert.Equal(Encoding.UTF8.GetBytes(json), await File.ReadAllBytesAsync(Path.Combine(_server.WorkflowsPath, "hello.json")));

        var list = (await Json.ReadAsync(await _client.GetAsync("/api/workflows"))).AsArray();
        var summary = Assert.Single(list)!;
        Assert.Equal("hello", summary["name"]!.GetValue<string>());
        Assert.Equal(2, summary["stages"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync("/api/workflows", Json.Body(json))).StatusCode);
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_with_every_problem_at_its_json_path()
    {
        const string json = """
            { "id": "broken", "version": 1, "stages": [
              { "id": "a", "uses": "nope@1" },
              { "id": "b", "uses": "echo@1", "with": { "times": "many" } },
              { "id": "c", "uses": "echo@1", "with": { "text": "${{ stages.zzz.outputs.text }}" } }
            ] }
            """;
        foreach (var url in new[] { "/api/workflows", "/api/workflows/validate" })
        {
            var response = await _client.PostAsync(url, Json.Body(json));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var paths = (await Json.ReadAsync(response))["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
            Assert.Equal(["$.stages[0].uses", "$.stages[1].with.times", "$.stages[1].with.text", "$.stages[2].with.text"], paths);
        }

        Assert.False(File.Exists(Path.Combine(_server.WorkflowsPath, "broken.json")));
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_with_line_and_column()
    {
        var response = await _client.PostAsync("/api/workflows/validate", Json.Body("{\n  \"id\": \"x\",\n  oops\n}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await Json.ReadAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(3, error["line"]!.GetValue<int>());

        var valid = await _client.PostAsync("/api/workflows/validate", Json.Body(Definitions.TwoStages()));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True((await Json.ReadAsync(valid))["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Updates_keep_the_previous_contents_as_versions_and_delete_keeps_the_last()
    {
        var first = Definitions.TwoStages(text: "one");
        var second = Definitions.TwoStages(text: "two");
        await _client.PostAsync("/api/workflows", Json.Body(first));
        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync("/api/workflows/hello", Json.Body(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync("/api/workflows/hello", Json.Body(second))).StatusCode);

        Assert.Equal(second, await _client.GetStringAsync("/api/workflows/hello"));
        var versions = (await Json.ReadAsync(await _client.GetAsync("/api/workflows/hello/versions"))).AsArray();
        Assert.Equal([1], versions.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(first, await _client.GetStringAsync("/api/workflows/hello/versions/1"));

        var renamed = await _client.PutAsync("/api/workflows/hello", Json.Body(Definitions.TwoStages(id: "other")));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal("$.id", (await Json.ReadAsync(renamed))["errors"]![0]!["path"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/api/workflows/hello")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/workflows/hello")).StatusCode);
        Assert.Equal(second, await _client.GetStringAsync("/api/workflows/hello/versions/2"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/workflows/hello")).StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fsecret")]
    [InlineData("..")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("a.b")]
    [InlineData("..%5Csecret")]
    [InlineData("schema")]
    public async Task Names_that_could_leave_the_folder_are_refused(string name)
    {
        var secret = Path.Combine(_server.Root, "secret.json");
        await File.WriteAllTextAsync(secret, Definitions.TwoStages(id: "secret"));
        Directory.CreateDirectory(_server.WorkflowsPath);

        foreach (var response in new[]
        {
            await _client.GetAsync($"/api/workflows/{name}"),
            await _client.PutAsync($"/api/workflows/{name}", Json.Body(Definitions.TwoStages(id: "secret"))),
            await _client.DeleteAsync($"/api/workflows/{name}"),
            await _client.GetAsync($"/api/workflows/{name}/versions/1"),
        })
        {
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{name}: {response.StatusCode}");
            Assert.DoesNotContain("two echoes", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(Definitions.TwoStages(id: "secret"), await File.ReadAllTextAsync(secret));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_server.WorkflowsPath));
    }

    [Fact]
    public async Task A_definition_whose_id_is_not_a_name_is_refused()
    {
        var response = await _client.PostAsync("/api/workflows", Json.Body(Definitions.TwoStages(id: "../../escape")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_server.Root, "escape.json")));
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_are_refused()
    {
        var huge = "{\"id\":\"big\",\"version\":1,\"description\":\"" + new string('x', 1_100_000) + "\",\"stages\":[]}";
        var response = await _client.PostAsync("/api/workflows", Json.Body(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
