using System.Collections.Frozen;

namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// Maps the sequence names of NCBI (<c>NC_000001.11</c>), UCSC (<c>chr1</c>) and Ensembl (<c>1</c>) GRCh38 files
/// to one canonical naming: <c>chr1</c> … <c>chr22</c>, <c>chrX</c>, <c>chrY</c>, <c>chrM</c>.
/// Any other sequence keeps its own name and is classed <see cref="SequenceKind.Other"/>.
/// </summary>
public static class ChromosomeNames
{
    /// <summary>chr1 … chr22 in karyotype order.</summary>
    public static IReadOnlyList<string> Autosomes { get; } = Enumerable.Range(1, 22).Select(i => $"chr{i}").ToArray();

    /// <summary>The primary assembly's chromosomes: autosomes, chrX, chrY, chrM.</summary>
    public static IReadOnlyList<string> Primary { get; } = [.. Autosomes, "chrX", "chrY", "chrM"];

    // Only the GRCh38 accession versions: NC_000001.10 is GRCh37's chr1 and must not pass as GRCh38's.
    private static readonly FrozenDictionary<string, string> RefSeqAccessions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NC_000001.11"] = "chr1", ["NC_000002.12"] = "chr2", ["NC_000003.12"] = "chr3", ["NC_000004.12"] = "chr4",
        ["NC_000005.10"] = "chr5", ["NC_000006.12"] = "chr6", ["NC_000007.14"] = "chr7", ["NC_000008.11"] = "chr8",
        ["NC_000009.12"] = "chr9", ["NC_000010.11"] = "chr10", ["NC_000011.10"] = "chr11", ["NC_000012.12"] = "chr12",
        ["NC_000013.11"] = "chr13", ["NC_000014.9"] = "chr14", ["NC_000015.10"] = "chr15", ["NC_000016.10"] = "chr16",
        ["NC_000017.11"] = "chr17", ["NC_000018.10"] = "chr18", ["NC_000019.10"] = "chr19", ["NC_000020.11"] = "chr20",
        ["NC_000021.9"] = "chr21", ["NC_000022.11"] = "chr22", ["NC_000023.11"] = "chrX", ["NC_000024.10"] = "chrY",
        ["NC_012920.1"] = "chrM",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PrimarySet = Primary.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The canonical name for a FASTA header line (with or without the leading '>'): its first word, mapped.</summary>
    public static string FromHeader(string header)
    {
        ReadOnlySpan<char> text = header.AsSpan().TrimStart('>').Trim();
        int space = text.IndexOfAny(' ', '\t');
        return Canonical((space < 0 ? text : text[..space]).ToString());
    }

    /// <summary>The canonical name for <c>NC_000001.11</c>, <c>chr1</c>, <c>1</c>, <c>MT</c>, <c>chrMT</c> …; any other name unchanged.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (RefSeqAccessions.TryGetValue(name, out string? mapped))
        {
            return mapped;
        }

        string bare = name.StartsWith("chr", StringComparison.Ordinal) ? name[3..] : name;
        if (bare is "M" or "MT")
        {
            return "chrM";
        }

        string candidate = "chr" + bare;
        return PrimarySet.Contains(candidate) ? candidate : name;
    }

    /// <summary>The kind of sequence a canonical name denotes.</summary>
    public static SequenceKind Kind(string canonicalName) => canonicalName switch
    {
        "chrX" or "chrY" => SequenceKind.SexChromosome,
        "chrM" => SequenceKind.Mitochondrion,
        _ when PrimarySet.Contains(canonicalName) => SequenceKind.Autosome,
        _ => SequenceKind.Other,
    };
}
