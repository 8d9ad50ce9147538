using System.Globalization;
using System.Text.Json;

namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Lists the files of a Figshare (or Figshare+) article through the public API,
/// <c>GET {api}/articles/{id}/files</c>, which answers JSON without the verification pages the
/// DepMap portal now shows to scripts.
/// </summary>
public sealed class FigshareClient(HttpDownloader downloader, Uri? apiBase = null)
{
    public const string ApiBaseVariable = "HYENAFLOW_FIGSHARE_API";
    public static readonly Uri DefaultApiBase = new("https://api.figshare.com/v2/");

    private const int PageSize = 100;
    private const int MaxPages = 50;

    public Uri ApiBase { get; } = apiBase is null ? DefaultApiBase : SourceUris.Folder(apiBase.ToString());

    public static FigshareClient FromEnvironment(HttpDownloader downloader, Func<string, string?>? read = null) =>
        new(downloader, SourceUris.FromEnvironment(ApiBaseVariable, DefaultApiBase, read));

    public async Task<IReadOnlyList<FigshareFile>> ListFilesAsync(long articleId, CancellationToken cancellationToken = default)
    {
        var files = new List<FigshareFile>();
        var seen = new HashSet<long>();
        for (int page = 1; page <= MaxPages; page++)
        {
            var url = new Uri(ApiBase, string.Create(CultureInfo.InvariantCulture, $"articles/{articleId}/files?page={page}&page_size={PageSize}"));
            string json = await downloader.GetTextAsync(url, ExpectedContent.Json, "the Figshare API answered with a web page; try again later", cancellationToken);
            IReadOnlyList<FigshareFile> batch = Parse(json, url.ToString());
            int added = 0;
            foreach (FigshareFile file in batch.Where(f => seen.Add(f.Id)))
            {
                files.Add(file);
                added++;
            }

            // A server that ignores paging repeats page 1: no new files means the listing is complete.
            if (batch.Count < PageSize || added == 0)
            {
                break;
            }
        }

        return files;
    }

    /// <summary>Reads the API's JSON array of files.</summary>
    public static IReadOnlyList<FigshareFile> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(source, e.LineNumber + 1, $"not valid JSON ({e.Message}); expected the Figshare file list.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DataFormatException(source, null, $"expected a JSON array of files, got {document.RootElement.ValueKind}.");
            }

            var files = new List<FigshareFile>();
            int index = 0;
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                files.Add(ParseFile(item, source, index++));
            }

            return files;
        }
    }

    private static FigshareFile ParseFile(JsonElement item, string source, int index)
    {
        string Where(string field) => $"file #{index}: '{field}'";
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("id", out JsonElement id) || !id.TryGetInt64(out long fileId)
            || !item.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String)
        {
            throw new DataFormatException(source, null, $"file #{index}: expected an object with numeric 'id' and string 'name'.");
        }

        long size = item.TryGetProperty("size", out JsonElement s) && s.TryGetInt64(out long n) ? n : -1;
        string? link = item.TryGetProperty("download_url", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (link is null || !SourceUris.IsHttpUrl(link))
        {
            throw new DataFormatException(source, null, $"{Where("download_url")} is missing or not an http(s) URL.");
        }

        string? md5 = Md5(item, "computed_md5") ?? Md5(item, "supplied_md5");
        return new FigshareFile(fileId, name.GetString()!, size, new Uri(link), md5);
    }

    private static string? Md5(JsonElement item, string field) =>
        item.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String && ExpectedChecksum.IsMd5Hex(value.GetString()!)
            ? value.GetString()!.ToLowerInvariant()
            : null;
}
