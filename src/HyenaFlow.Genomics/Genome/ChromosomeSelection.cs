using System.Collections.Frozen;

namespace HyenaFlow.Genomics.Genome;

/// <summary>Which sequences of a FASTA an import keeps: the autosomes (the thesis's choice), all primary chromosomes, or named ones.</summary>
public sealed class ChromosomeSelection
{
    private readonly FrozenSet<string>? names;

    private ChromosomeSelection(string description, IReadOnlyList<string>? explicitNames)
    {
        Description = description;
        ExplicitNames = explicitNames;
        names = explicitNames?.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>chr1 … chr22.</summary>
    public static ChromosomeSelection Autosomes { get; } = new("autosomes", null);

    /// <summary>chr1 … chr22, chrX, chrY, chrM.</summary>
    public static ChromosomeSelection Primary { get; } = new("primary", null);

    /// <summary>The named sequences, in canonical naming; each must then be present in the FASTA.</summary>
    public IReadOnlyList<string>? ExplicitNames { get; }

    public string Description { get; }

    /// <summary>Exactly these sequences; names may be in any supported naming (<c>1</c>, <c>chr1</c>, <c>NC_000001.11</c>).</summary>
    public static ChromosomeSelection Only(IEnumerable<string> sequenceNames)
    {
        var canonical = sequenceNames.Select(n => n.Trim()).Where(n => n.Length > 0).Select(ChromosomeNames.Canonical).Distinct(StringComparer.Ordinal).ToArray();
        return canonical.Length == 0
            ? throw new ArgumentException("An explicit chromosome list needs at least one name.", nameof(sequenceNames))
            : new ChromosomeSelection(string.Join(',', canonical), canonical);
    }

    /// <summary>Parses <c>autosomes</c>, <c>primary</c> or a comma-separated list such as <c>chr1,chr2,chrX</c>.</summary>
    public static ChromosomeSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "autosomes" => Autosomes,
            "primary" => Primary,
            "" => throw new FormatException("Chromosome selection is empty; expected autosomes, primary or a list such as chr1,chr2."),
            _ => Only(text.Split(',')),
        };
    }

    public bool Includes(string canonicalName) =>
        names is not null
            ? names.Contains(canonicalName)
            : ChromosomeNames.Kind(canonicalName) switch
            {
                SequenceKind.Autosome => true,
                SequenceKind.SexChromosome or SequenceKind.Mitochondrion => ReferenceEquals(this, Primary),
                _ => false,
            };

    public override string ToString() => Description;
}
