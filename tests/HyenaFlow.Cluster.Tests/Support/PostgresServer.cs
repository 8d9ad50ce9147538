using HyenaFlow.Cluster.Support;

namespace HyenaFlow.Cluster.Tests.Support;

/// <summary>One <see cref="PrivatePostgres"/> per test collection; each test takes a database of its own.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private PrivatePostgres? _server;

    private PrivatePostgres Server => _server ?? throw new InvalidOperationException("the PostgreSQL server has not started");

    public async Task InitializeAsync() => _server = await PrivatePostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public Task<string> CreateDatabaseAsync(string prefix) => Server.CreateDatabaseAsync(prefix);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
