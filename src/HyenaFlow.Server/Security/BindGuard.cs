namespace HyenaFlow.Server.Security;

/// <summary>Refuses to start a server that would listen beyond loopback without an API key. Registered before the
/// runtime and, as every hosted service, started before Kestrel listens, so nothing is ever exposed.</summary>
internal sealed class BindGuard(ApiKeyPolicy policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (policy.KeyRequiredByBinding && !policy.HasKey)
        {
            throw new InvalidOperationException(
                $"refusing to listen on {string.Join(", ", policy.NonLoopbackUrls)} without an API key: set the environment variable " +
                $"{policy.KeyVariable} (clients send it in the {ApiKeyPolicy.Header} header), or bind to 127.0.0.1.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
