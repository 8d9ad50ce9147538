namespace HyenaFlow.Genomics.Synthesis;

/// <summary>GRCh38.p14 primary-assembly facts as NCBI RefSeq names them (formats.md §1), used to dress generated sequences.</summary>
internal static class Grch38Catalog
{
    public const string AssemblyName = "GRCh38.p14";

    public const string MitochondrionAccession = "NC_012920.1";

    public const int MitochondrionLength = 16_569;

    /// <summary>The revised Cambridge Reference Sequence carries one N, at this 1-based position.</summary>
    public const int MitochondrionNPosition = 3_107;

    /// <summary>RefSeq accession and length of chromosomes 1–22, X (index 22) and Y (index 23).</summary>
    public static readonly IReadOnlyList<(string Accession, string Name, long Length)> Chromosomes =
    [
        ("NC_000001.11", "1", 248_956_422), ("NC_000002.12", "2", 242_193_529), ("NC_000003.12", "3", 198_295_559),
        ("NC_000004.12", "4", 190_214_555), ("NC_000005.10", "5", 181_538_259), ("NC_000006.12", "6", 170_805_979),
        ("NC_000007.14", "7", 159_345_973), ("NC_000008.11", "8", 145_138_636), ("NC_000009.12", "9", 138_394_717),
        ("NC_000010.11", "10", 133_797_422), ("NC_000011.10", "11", 135_086_622), ("NC_000012.12", "12", 133_275_309),
        ("NC_000013.11", "13", 114_364_328), ("NC_000014.9", "14", 107_043_718), ("NC_000015.10", "15", 101_991_189),
        ("NC_000016.10", "16", 90_338_345), ("NC_000017.11", "17", 83_257_441), ("NC_000018.10", "18", 80_373_285),
        ("NC_000019.10", "19", 58_617_616), ("NC_000020.11", "20", 64_444_167), ("NC_000021.9", "21", 46_709_983),
        ("NC_000022.11", "22", 50_818_468), ("NC_000023.11", "X", 156_040_895), ("NC_000024.10", "Y", 57_227_415),
    ];

    /// <summary>
    /// A few non-chromosome sequences in NCBI's header styles: unlocalized, unplaced, alternate locus, fix patch.
    /// <c>After</c> names the record each follows in the file (chromosome name or <c>MT</c>).
    /// </summary>
    public static readonly IReadOnlyList<(string Accession, string Description, int Length, string After)> Scaffolds =
    [
        ("NT_187361.1", "Homo sapiens chromosome 1 unlocalized genomic scaffold, GRCh38.p14 Primary Assembly HSCHR1_CTG1_UNLOCALIZED", 17_505, "1"),
        ("NT_187362.1", "Homo sapiens chromosome 1 unlocalized genomic scaffold, GRCh38.p14 Primary Assembly HSCHR1_CTG2_UNLOCALIZED", 3_203, "1"),
        ("NT_187366.1", "Homo sapiens chromosome 2 unlocalized genomic scaffold, GRCh38.p14 Primary Assembly HSCHR2_CTG1_UNLOCALIZED", 5_487, "2"),
        ("NT_187394.1", "Homo sapiens unplaced genomic scaffold, GRCh38.p14 Primary Assembly HSCHRUN_RANDOM_CTG1", 4_113, "Y"),
        ("NT_187633.1", "Homo sapiens chromosome 1 genomic scaffold, GRCh38.p14 alternate locus group ALT_REF_LOCI_1 HSCHR1_1_CTG3", 28_181, "MT"),
        ("NW_025791756.1", "Homo sapiens chromosome 1 genomic patch of type FIX, GRCh38.p14 PATCHES HG986_PATCH", 12_971, "MT"),
    ];

    public static string ChromosomeHeader(string accession, string name) =>
        $"{accession} Homo sapiens chromosome {name}, {AssemblyName} Primary Assembly";

    public static string MitochondrionHeader => $"{MitochondrionAccession} Homo sapiens mitochondrion, complete genome";
}
