using System.Text.Json;

namespace HyenaFlow.Genomics.Tests.Download;

/// <summary>
/// A Figshare-like API on a <see cref="LocalHttpServer"/>: <c>/v2/articles/{id}/files</c> lists the
/// DepMap files with their md5, and each download link redirects to the stored bytes as Figshare does.
/// </summary>
public static class FigshareFixture
{
    public static readonly byte[] Model = DownloadTestData.Csv("ModelID,CellLineName,OncotreeLineage,OncotreePrimaryDisease", rows: 300, seed: 11);
    public static readonly byte[] Mutations = DownloadTestData.Csv("Chrom,Pos,Ref,Alt,VariantType,ModelID", rows: 3000, seed: 12);

    /// <summary>Serves the listing for <paramref name="articleId"/>; <paramref name="md5Override"/> replaces the listed md5 of a file by name.</summary>
    public static void Serve(LocalHttpServer server, long articleId, IReadOnlyDictionary<string, string>? md5Override = null)
    {
        var files = new (long Id, string Name, byte[] Bytes)[]
        {
            (51065297, "Model.csv", Model),
            (51065732, "OmicsSomaticMutations.csv", Mutations),
            (51065999, "README.txt", "DepMap release notes\n"u8.ToArray()),
        };
        var listing = new List<object>();
        foreach (var (id, name, bytes) in files)
        {
            server.Serve($"store/{id}/{name}", bytes, "binary/octet-stream");
            server.Redirect($"ndownloader/files/{id}", $"store/{id}/{name}");
            listing.Add(new Dictionary<string, object?>
            {
                ["id"] = id,
                ["name"] = name,
                ["size"] = bytes.Length,
                ["is_link_only"] = false,
                ["download_url"] = server.Url($"ndownloader/files/{id}").ToString(),
                ["supplied_md5"] = "",
                ["computed_md5"] = md5Override?.GetValueOrDefault(name) ?? DownloadTestData.Md5(bytes),
                ["mimetype"] = "text/plain",
            });
        }

        server.Serve($"v2/articles/{articleId}/files", JsonSerializer.Serialize(listing), "application/json; charset=utf-8");
    }
}
