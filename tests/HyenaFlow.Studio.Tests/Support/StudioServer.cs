using HyenaFlow.Activities;
using HyenaFlow.Server;
using HyenaFlow.Workflows.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>
/// The real server as `hyenaflow serve` builds it, listening with Kestrel on a free loopback port, with the
/// built-in activities (plus <see cref="LossCurveActivity"/>) and the built Studio, over a temporary folder of its
/// own (workflows, database, artifacts).
/// </summary>
internal sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StudioServer(WebApplication app, string root, string baseUrl)
    {
        _app = app;
        Root = root;
        BaseUrl = baseUrl;
    }

    public string Root { get; }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public static async Task<StudioServer> StartAsync()
    {
        var studio = RepositoryPaths.RequireBuiltStudio();
        var root = Directory.CreateTempSubdirectory("hyenaflow-studio-e2e-").FullName;
        string[] args =
        [
            // Port 0: Kestrel picks a free port, read back below, so parallel test runs never collide.
            "--urls", "http://127.0.0.1:0",
            $"--HyenaFlow:Workflows={Path.Combine(root, "workflows")}",
            $"--HyenaFlow:Database={Path.Combine(root, "state", "hyenaflow.db")}",
            $"--HyenaFlow:Artifacts={Path.Combine(root, "artifacts")}",
            $"--HyenaFlow:Studio={studio}",
            "--HyenaFlow:ApiKeyVariable=HYENAFLOW_STUDIO_TEST_KEY_THAT_IS_NOT_SET",
            "--HyenaFlow:EventPollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning",
        ];
        Directory.CreateDirectory(Path.Combine(root, "workflows"));
        var activities = new ActivityRegistry([.. BuiltInActivities.All(), new LossCurveActivity()]);
        var app = HyenaFlowServer.Build(args, builder => builder.Services.AddSingleton(activities));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listen address");
        return new StudioServer(app, root, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite's pool; the temp folder is cleaned by the system.
        }
    }
}
