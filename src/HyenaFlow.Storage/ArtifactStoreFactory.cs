using HyenaFlow.Storage.Blobs;
using HyenaFlow.Storage.Local;

namespace HyenaFlow.Storage;

/// <summary>Chooses the artifact store: Azure Blob Storage when a connection string is configured, else a local folder.</summary>
public static class ArtifactStoreFactory
{
    public const string ConnectionStringVariable = "HYENAFLOW_BLOB_CONNECTION_STRING";
    public const string ContainerVariable = "HYENAFLOW_BLOB_CONTAINER";
    public const string DefaultContainer = "hyenaflow-artifacts";

    /// <summary>
    /// A <see cref="BlobArtifactStore"/> on <paramref name="connectionString"/> (container: <paramref name="container"/>,
    /// else <c>HYENAFLOW_BLOB_CONTAINER</c>, else <c>hyenaflow-artifacts</c>) or, when it is empty, a
    /// <see cref="LocalArtifactStore"/> in <paramref name="localRoot"/>.
    /// </summary>
    public static IArtifactStore Create(string? connectionString, string localRoot, string? container = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new LocalArtifactStore(localRoot);
        }

        container ??= Environment.GetEnvironmentVariable(ContainerVariable);
        return new BlobArtifactStore(connectionString, string.IsNullOrWhiteSpace(container) ? DefaultContainer : container);
    }

    /// <summary>The store <c>HYENAFLOW_BLOB_CONNECTION_STRING</c> asks for, falling back to <paramref name="localRoot"/>.</summary>
    public static IArtifactStore FromEnvironment(string localRoot) =>
        Create(Environment.GetEnvironmentVariable(ConnectionStringVariable), localRoot);
}
