using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Tests.Download;

namespace HyenaFlow.Engine.Tests.Support;

/// <summary>
/// The official tiny-1k fixture laid out as a published repository on a <see cref="LocalHttpServer"/>:
/// <c>LongSafari/&lt;name&gt;/resolve/main/{config.json, weights.ckpt}</c>, config.json being the fixture
/// manifest's exact config in the published format. Linked into the CLI and activity test projects too.
/// </summary>
public static class PublishedCheckpointFixture
{
    public const string Name = "hyenadna-tiny-1k-seqlen";

    private static readonly Lazy<string> FolderPath = new(() => Locate());

    public static string Folder => FolderPath.Value;

    public static byte[] Weights => File.ReadAllBytes(Path.Combine(Folder, "weights.ckpt"));

    public static string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Weights));

    /// <summary>Backbone tensors of the fixture: every .npy but the two head tensors.</summary>
    public static int BackboneTensors => Directory.GetFiles(Path.Combine(Folder, "weights"), "backbone.*.npy").Length;

    public static string ConfigJson
    {
        get
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
            return manifest["config"]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
    }

    /// <summary>The repository's folder path on the server, e.g. <c>LongSafari/x/resolve/main/</c>.</summary>
    public static string RepositoryPath(string name = Name) => $"LongSafari/{name}/resolve/main/";

    /// <summary>Serves both files; returns the weights resource, to script faults on.</summary>
    public static ServedResource Serve(LocalHttpServer server, string name = Name, string? configJson = null, byte[]? weights = null)
    {
        server.Serve(RepositoryPath(name) + "config.json", configJson ?? ConfigJson, "application/json");
        return server.Serve(RepositoryPath(name) + "weights.ckpt", weights ?? Weights);
    }

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "hyenadna");
                if (File.Exists(Path.Combine(candidate, "weights.ckpt"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"shared/fixtures/hyenadna not found above {string.Join(" or ", starts)}.");
    }
}
