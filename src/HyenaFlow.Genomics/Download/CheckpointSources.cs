namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Resolves a published HyenaDNA checkpoint — a repository name of LongSafari on the hub, its short
/// configuration name (<c>tiny-1k</c>), or an http(s) address — to the folder holding its two files.
/// </summary>
public sealed class CheckpointSources(CheckpointSourceOptions? options = null)
{
    public const string Owner = "LongSafari";
    public const string DefaultModel = "hyenadna-tiny-1k-seqlen";

    private const string Revision = "main";

    private readonly CheckpointSourceOptions options = options ?? new CheckpointSourceOptions();

    /// <summary>The repositories with a Lightning <c>weights.ckpt</c>, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "hyenadna-tiny-1k-seqlen",
        "hyenadna-small-32k-seqlen",
        "hyenadna-medium-160k-seqlen",
        "hyenadna-medium-450k-seqlen",
        "hyenadna-large-1m-seqlen",
    ];

    public static bool IsValid(string model) => FullName(model) is not null || SourceUris.IsHttpUrl(model);

    /// <summary>
    /// The folder of <paramref name="model"/>. An address under the base in the hub's shapes
    /// (<c>&lt;base&gt;/owner/name</c>, <c>…/tree/rev</c>, <c>…/blob/rev/file</c>) is turned into its
    /// <c>resolve/rev/</c> download folder; any other address names the folder itself (or one of the two files in it).
    /// </summary>
    public CheckpointSource Resolve(string model)
    {
        if (FullName(model) is { } name)
        {
            return new CheckpointSource(name, new Uri(options.Base, $"{Owner}/{name}/resolve/{Revision}/"));
        }

        if (!SourceUris.IsHttpUrl(model))
        {
            throw new ArgumentException(
                $"unknown HyenaDNA checkpoint '{model}': use one of {string.Join(", ", Names)} (or the short form, e.g. tiny-1k), "
                + "or the http(s) address of a folder holding config.json and weights.ckpt.");
        }

        string address = model.Trim();
        foreach (string file in new[] { CheckpointSource.ConfigFile, CheckpointSource.WeightsFile })
        {
            if (address.EndsWith("/" + file, StringComparison.Ordinal))
            {
                address = address[..^file.Length];
            }
        }

        Uri folder = SourceUris.Folder(address);
        string baseText = options.Base.AbsoluteUri;
        if (folder.AbsoluteUri.StartsWith(baseText, StringComparison.Ordinal))
        {
            string[] segments = folder.AbsoluteUri[baseText.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            string? revision = segments.Length switch
            {
                2 => Revision,
                >= 4 when segments[2] is "tree" or "blob" => segments[3],
                _ => null,
            };
            if (revision is not null)
            {
                folder = new Uri(options.Base, $"{segments[0]}/{segments[1]}/resolve/{revision}/");
            }

            return new CheckpointSource(segments.Length >= 2 ? segments[1] : FolderName(folder), folder);
        }

        return new CheckpointSource(FolderName(folder), folder);
    }

    private static string FolderName(Uri folder)
    {
        string last = Uri.UnescapeDataString(folder.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return last.Length > 0 ? last : folder.Host;
    }

    /// <summary>The repository name for a known name or short form (<c>tiny-1k</c>), else null.</summary>
    private static string? FullName(string model)
    {
        string text = model.Trim().ToLowerInvariant();
        return Names.FirstOrDefault(n => n == text || n == $"hyenadna-{text}-seqlen");
    }
}
