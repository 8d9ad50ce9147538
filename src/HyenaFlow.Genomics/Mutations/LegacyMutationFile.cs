using HyenaFlow.Genomics.Csv;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Recognises DepMap's pre-22Q4 CCLE_mutations.csv: GRCh37 coordinates with MAF-style '-' alleles.
/// Applying those to a GRCh38 genome would silently mutate the wrong bases, so it is refused.
/// </summary>
public static class LegacyMutationFile
{
    private static readonly string[] LegacyColumns = ["Chromosome", "Start_position", "Reference_Allele", "Tumor_Seq_Allele1", "DepMap_ID"];

    public static bool IsLegacy(IReadOnlyList<string> header) =>
        LegacyColumns.Count(header.Contains) >= 3 && !header.Contains("Chrom");

    public static void ThrowIfLegacy(CsvReader csv)
    {
        if (IsLegacy(csv.Header))
        {
            throw new DataFormatException(csv.FileName, 1, "this is the legacy CCLE_mutations.csv (DepMap 22Q2 or earlier): GRCh37 (hg19) coordinates with MAF-style alleles, which do not fit the GRCh38 genome. Use OmicsSomaticMutations.csv from DepMap 22Q4 or later (columns Chrom, Pos, Ref, Alt, ModelID).");
        }
    }
}
