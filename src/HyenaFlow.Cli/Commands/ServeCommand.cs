using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Cli.Hosting;
using HyenaFlow.Server;
using HyenaFlow.Server.Security;
using HyenaFlow.Tracking;
using HyenaFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow serve</c>: the REST API (and the runtime's workers, unless <c>--api-only</c>) over the
/// same database, artifacts and activities as the other verbs.</summary>
public sealed class ServeCommand : CliCommand
{
    public override string Name => "serve";

    public override string Summary => "Serve the REST API (OpenAPI at /openapi/v1.json, reference at /api-reference) and run workflows in this process.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("urls", "URLS", "Listen addresses, ';'-separated. Any non-loopback address requires an API key.", Default: HyenaFlowServer.DefaultUrls),
        new("api-only", null, "Serve the API without executing stages (another process runs them, e.g. `hyenaflow runs resume`, or `hyenaflow worker` on PostgreSQL)."),
        new("workflows", "DIR", "Folder of workflow definitions the API reads and writes.", Default: "workflows"),
        new("api-key-env", "NAME", "Environment variable holding the API key clients send in the X-Api-Key header.", Default: "HYENAFLOW_API_KEY"),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var urls = args.Get("urls") ?? HyenaFlowServer.DefaultUrls;
        var keyVariable = args.Get("api-key-env") ?? "HYENAFLOW_API_KEY";
        var exposed = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => !BindAddresses.IsLoopback(u)).ToList();
        if (exposed.Count > 0 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(keyVariable)))
            throw new UsageException($"refusing to listen on {string.Join(", ", exposed)} without an API key: set the environment variable {keyVariable} (or bind to 127.0.0.1).");

        string[] settings =
        [
            "--urls", urls,
            $"--HyenaFlow:Workflows={Path.GetFullPath(args.Get("workflows") ?? "workflows")}",
            $"--HyenaFlow:ApiOnly={args.Flag("api-only")}",
            $"--HyenaFlow:ApiKeyVariable={keyVariable}",
        ];
        await using var app = HyenaFlowServer.Build(settings, builder =>
        {
            builder.Services.AddSingleton(RuntimeHost.Registry());
            builder.Services.AddSingleton<IRunTracker>(MlflowRunTracker.FromEnvironment());
        });
        await app.StartAsync(cancellationToken);
        context.Error.WriteLine($"serving on {urls}{(args.Flag("api-only") ? " (API only)" : "")}; API reference at /api-reference; Ctrl+C stops");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return CliApplication.Ok;
    }
}
