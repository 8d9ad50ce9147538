namespace HyenaFlow.Storage.Tests.Support;

/// <summary>One Azurite for a whole test class, with its data in a temp folder removed afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new("azurite");

    public Azurite Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await Azurite.StartAsync(data.Path);

    public Task DisposeAsync()
    {
        Azurite?.Dispose();
        data.Dispose();
        return Task.CompletedTask;
    }
}
