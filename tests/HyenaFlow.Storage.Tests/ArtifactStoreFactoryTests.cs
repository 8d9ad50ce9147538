using HyenaFlow.Storage.Blobs;
using HyenaFlow.Storage.Local;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

public sealed class ArtifactStoreFactoryTests
{
    private const string Connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_connection_string_the_store_is_a_local_folder(string? connection)
    {
        using var root = new TempDirectory("factory");

        var store = Assert.IsType<LocalArtifactStore>(ArtifactStoreFactory.Create(connection, root.Path));

        Assert.Equal(root.Path, store.Root);
    }

    [Fact]
    public void With_a_connection_string_the_store_is_a_blob_container()
    {
        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(Connection, "/unused", "my-artifacts"));

        Assert.Equal("http://127.0.0.1:1/devstoreaccount1/my-artifacts", store.ContainerUri.ToString());
    }

    [Fact]
    public void The_default_container_is_hyenaflow_artifacts()
    {
        var configured = Environment.GetEnvironmentVariable(ArtifactStoreFactory.ContainerVariable);

        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(Connection, "/unused"));

        Assert.EndsWith($"/{(string.IsNullOrWhiteSpace(configured) ? "hyenaflow-artifacts" : configured)}", store.ContainerUri.ToString());
    }
}
