using HyenaFlow.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Hosting;

/// <summary>Runs the scheduler and workers in this process: becomes the runtime's runner at start (recovering
/// unfinished runs) and hands running stages back at shutdown. With <see cref="ServerOptions.ApiOnly"/> it stays a
/// client, and whichever process runs the database picks submitted runs up.</summary>
internal sealed class RuntimeRunner(WorkflowRuntime runtime, IOptions<ServerOptions> options, ILogger<RuntimeRunner> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApiOnly)
        {
            log.LogInformation("API only: stages are executed by whichever process runs {Database}", runtime.Database.Path);
            return;
        }

        if (!await runtime.TryStartAsync(cancellationToken))
            log.LogWarning("another process runs workflows on {Database}; this server only submits and reads", runtime.Database.Path);
        else
            log.LogInformation("running workflows on {Database}", runtime.Database.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync();
}
