namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Where each GRCh38 source keeps its FASTA and checksum listing. Each folder can be moved (a mirror,
/// a test server) by the matching environment variable.
/// </summary>
public sealed record GenomeSourceOptions
{
    public const string NcbiBaseVariable = "HYENAFLOW_NCBI_BASE";
    public const string UcscBaseVariable = "HYENAFLOW_UCSC_BASE";
    public const string EnsemblBaseVariable = "HYENAFLOW_ENSEMBL_BASE";

    public static readonly Uri DefaultNcbiBase = new("https://ftp.ncbi.nlm.nih.gov/genomes/all/GCF/000/001/405/GCF_000001405.40_GRCh38.p14/");
    public static readonly Uri DefaultUcscBase = new("https://hgdownload.soe.ucsc.edu/goldenPath/hg38/bigZips/");

    /// <summary>Pinned to a release so that a rerun fetches the same bytes.</summary>
    public static readonly Uri DefaultEnsemblBase = new("https://ftp.ensembl.org/pub/release-113/fasta/homo_sapiens/dna/");

    public Uri NcbiBase { get; init; } = DefaultNcbiBase;

    public Uri UcscBase { get; init; } = DefaultUcscBase;

    public Uri EnsemblBase { get; init; } = DefaultEnsemblBase;

    public static GenomeSourceOptions FromEnvironment(Func<string, string?>? read = null) => new()
    {
        NcbiBase = SourceUris.FromEnvironment(NcbiBaseVariable, DefaultNcbiBase, read),
        UcscBase = SourceUris.FromEnvironment(UcscBaseVariable, DefaultUcscBase, read),
        EnsemblBase = SourceUris.FromEnvironment(EnsemblBaseVariable, DefaultEnsemblBase, read),
    };
}
