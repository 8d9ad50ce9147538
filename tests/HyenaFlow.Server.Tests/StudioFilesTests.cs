using System.Net;
using HyenaFlow.Server.Tests.Support;

namespace HyenaFlow.Server.Tests;

public sealed class StudioFilesTests
{
    [Fact]
    public async Task TheBuiltStudioIsServedAtTheRootBesideTheApi()
    {
        string studio = Directory.CreateTempSubdirectory("hyenaflow-studio-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(studio, "index.html"), "<!doctype html><title>HyenaFlow Studio</title>");
            Directory.CreateDirectory(Path.Combine(studio, "assets"));
            await File.WriteAllTextAsync(Path.Combine(studio, "assets", "app.js"), "console.log('studio');");
            using var factory = new ServerFactory(studio: studio);
            using var client = factory.CreateClient();

            Assert.Contains("HyenaFlow Studio", await client.GetStringAsync("/"));
            Assert.Contains("studio", await client.GetStringAsync("/assets/app.js"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities")).StatusCode);
        }
        finally
        {
            Directory.Delete(studio, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutABuiltStudioOnlyTheApiAnswers()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities")).StatusCode);
    }
}
