namespace HyenaFlow.Genomics.Download;

/// <summary>
/// DepMap hg38 releases from their Figshare articles (md5 from the API), or CSVs from literal URLs.
/// A release can also be given as a bare Figshare article id.
/// </summary>
public sealed class DepMapSources(HttpDownloader downloader, FigshareClient figshare)
{
    private const string HtmlHint = DownloadRequest.DefaultHtmlHint;

    /// <summary>Figshare(+) article of each release HyenaFlow knows (hg38 releases, 22Q4 on).</summary>
    public static IReadOnlyDictionary<string, long> Releases { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["24Q4"] = 27993248,
        ["24Q2"] = 25880521,
        ["23Q4"] = 24667905,
        ["23Q2"] = 22765112,
        ["22Q4"] = 21637199,
    };

    /// <summary>The files the study reads from a release.</summary>
    public static IReadOnlyList<string> DefaultFiles { get; } = ["Model.csv", "OmicsSomaticMutations.csv"];

    public static bool IsValidRelease(string release) =>
        Releases.ContainsKey(release) || SourceUris.IsHttpUrl(release) || (release.Length > 0 && release.All(char.IsAsciiDigit));

    /// <summary>One request per file: <paramref name="files"/> of each release, and each literal URL as it is.</summary>
    public async Task<IReadOnlyList<DownloadRequest>> ResolveAsync(IReadOnlyList<string> releasesOrUrls, string outputDirectory, IReadOnlyList<string>? files = null, CancellationToken cancellationToken = default)
    {
        files ??= DefaultFiles;
        var requests = new List<DownloadRequest>();
        foreach (string item in releasesOrUrls)
        {
            if (SourceUris.IsHttpUrl(item))
            {
                var url = new Uri(item);
                string name = SourceUris.FileName(url);
                requests.Add(new DownloadRequest(url, Path.Combine(outputDirectory, name))
                {
                    Content = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExpectedContent.Csv : ExpectedContent.Data,
                    HtmlHint = HtmlHint,
                });
                continue;
            }

            long article = ArticleOf(item);
            IReadOnlyList<FigshareFile> listed = await figshare.ListFilesAsync(article, cancellationToken);
            foreach (string wanted in files)
            {
                FigshareFile file = listed.FirstOrDefault(f => f.Name == wanted)
                    ?? throw new DataFormatException(
                        new Uri(figshare.ApiBase, $"articles/{article}/files").ToString(),
                        null,
                        $"release {item} (Figshare article {article}) has no file '{wanted}'; it lists {string.Join(", ", listed.Select(f => f.Name).Order(StringComparer.Ordinal))}.");
                requests.Add(new DownloadRequest(file.DownloadUrl, Path.Combine(outputDirectory, file.Name))
                {
                    Checksum = file.Md5 is null ? null : ExpectedChecksum.Md5(file.Md5),
                    Content = file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExpectedContent.Csv : ExpectedContent.Data,
                    HtmlHint = HtmlHint,
                });
            }
        }

        return requests;
    }

    public async Task<IReadOnlyList<DownloadResult>> DownloadAsync(IReadOnlyList<string> releasesOrUrls, string outputDirectory, IReadOnlyList<string>? files = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DownloadRequest> requests = await ResolveAsync(releasesOrUrls, outputDirectory, files, cancellationToken);
        var results = new List<DownloadResult>();
        foreach (DownloadRequest request in requests)
        {
            results.Add(await downloader.DownloadAsync(request, progress, cancellationToken));
        }

        return results;
    }

    private static long ArticleOf(string release)
    {
        if (Releases.TryGetValue(release, out long article))
        {
            return article;
        }

        return release.Length > 0 && release.All(char.IsAsciiDigit) && long.TryParse(release, out article)
            ? article
            : throw new ArgumentException($"unknown DepMap release '{release}': use one of {string.Join(", ", Releases.Keys)}, a Figshare article id or an http(s) URL.");
    }
}
