namespace HyenaFlow.Genomics.Download;

/// <summary>
/// The GRCh38 reference from NCBI, UCSC or Ensembl, each checked against the checksum listing it
/// publishes beside the FASTA (md5 for NCBI and UCSC, BSD <c>sum</c> for Ensembl), or from any URL.
/// </summary>
public sealed class GenomeSources(HttpDownloader downloader, GenomeSourceOptions? options = null)
{
    public const string NcbiFile = "GCF_000001405.40_GRCh38.p14_genomic.fna.gz";
    public const string UcscFile = "hg38.fa.gz";
    public const string EnsemblFile = "Homo_sapiens.GRCh38.dna_sm.primary_assembly.fa.gz";

    private const string HtmlHint = "the site may require human verification or the address may be wrong — try another source";

    private readonly GenomeSourceOptions options = options ?? new GenomeSourceOptions();

    public static IReadOnlyList<string> Names { get; } = ["ncbi", "ucsc", "ensembl"];

    /// <summary>A named source or an http(s) URL.</summary>
    public static bool IsValidSource(string source) => Names.Contains(source.ToLowerInvariant()) || SourceUris.IsHttpUrl(source);

    /// <summary>
    /// What to fetch for <paramref name="source"/>, with the checksum read from the source's listing.
    /// A given <paramref name="md5"/> takes precedence and is the only check for a literal URL.
    /// </summary>
    public async Task<DownloadRequest> ResolveAsync(string source, string destination, string? md5 = null, CancellationToken cancellationToken = default)
    {
        ExpectedChecksum? given = md5 is null ? null : ExpectedChecksum.Md5(md5);
        switch (source.ToLowerInvariant())
        {
            case "ncbi":
                return await PublishedAsync(options.NcbiBase, NcbiFile, "md5checksums.txt", ListingKind.Md5Sums, given, destination, cancellationToken);
            case "ucsc":
                return await PublishedAsync(options.UcscBase, UcscFile, "md5sum.txt", ListingKind.Md5Sums, given, destination, cancellationToken);
            case "ensembl":
                return await PublishedAsync(options.EnsemblBase, EnsemblFile, "CHECKSUMS", ListingKind.BsdSums, given, destination, cancellationToken);
            default:
                if (!SourceUris.IsHttpUrl(source))
                {
                    throw new ArgumentException($"unknown genome source '{source}': use {string.Join(", ", Names)} or an http(s) URL.");
                }

                return new DownloadRequest(new Uri(source), destination) { Checksum = given, Content = ExpectedContent.FastaOrGzip, HtmlHint = HtmlHint };
        }
    }

    public async Task<DownloadResult> DownloadAsync(string source, string destination, string? md5 = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        DownloadRequest request = await ResolveAsync(source, destination, md5, cancellationToken);
        return await downloader.DownloadAsync(request, progress, cancellationToken);
    }

    private async Task<DownloadRequest> PublishedAsync(Uri folder, string file, string listingName, ListingKind kind, ExpectedChecksum? given, string destination, CancellationToken cancellationToken)
    {
        ExpectedChecksum checksum = given ?? await ListedChecksumAsync(new Uri(folder, listingName), kind, file, cancellationToken);
        return new DownloadRequest(new Uri(folder, file), destination) { Checksum = checksum, Content = ExpectedContent.Gzip, HtmlHint = HtmlHint };
    }

    private async Task<ExpectedChecksum> ListedChecksumAsync(Uri listingUrl, ListingKind kind, string file, CancellationToken cancellationToken)
    {
        string text = await downloader.GetTextAsync(listingUrl, ExpectedContent.Text, HtmlHint, cancellationToken);
        string source = listingUrl.ToString();
        return kind == ListingKind.BsdSums
            ? ChecksumListing.Find(ChecksumListing.ParseBsdSums(text, source), file, source)
            : ChecksumListing.Find(ChecksumListing.ParseMd5Sums(text, source), file, source);
    }

    private enum ListingKind
    {
        Md5Sums,
        BsdSums,
    }
}
