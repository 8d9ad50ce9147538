using HyenaFlow.Workflows.Activities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HyenaFlow.Server.Tests.Support;

/// <summary>The real server in memory, over a temporary folder of its own (workflows, database, artifacts), with
/// the test activity registered. API only unless <paramref name="runner"/>.</summary>
internal sealed class ServerFactory(bool runner = false, string? urls = null, string? apiKey = null, string? studio = null) : WebApplicationFactory<Program>
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hyenaflow-server-").FullName;

    public string WorkflowsPath => Path.Combine(Root, "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("HyenaFlow:Workflows", WorkflowsPath);
        builder.UseSetting("HyenaFlow:Database", Path.Combine(Root, "state", "hyenaflow.db"));
        builder.UseSetting("HyenaFlow:Artifacts", Path.Combine(Root, "artifacts"));
        builder.UseSetting("HyenaFlow:ApiOnly", runner ? "false" : "true");
        builder.UseSetting("HyenaFlow:ApiKeyVariable", "HYENAFLOW_TEST_KEY_THAT_IS_NOT_SET");
        builder.UseSetting("HyenaFlow:EventPollInterval", "00:00:00.100");
        builder.UseSetting("HyenaFlow:Studio", studio ?? Path.Combine(Root, "no-studio"));
        if (urls is not null)
            builder.UseSetting("urls", urls);
        if (apiKey is not null)
            builder.UseSetting("HyenaFlow:ApiKey", apiKey);
        builder.ConfigureServices(services => services.AddSingleton(new ActivityRegistry([new EchoActivity()])));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
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
}
