namespace HyenaFlow.Genomics.Genome;

/// <summary>What a reference sequence is, judged by its canonical name.</summary>
public enum SequenceKind
{
    /// <summary><c>chr1</c> … <c>chr22</c>.</summary>
    Autosome,

    /// <summary><c>chrX</c>, <c>chrY</c>.</summary>
    SexChromosome,

    /// <summary><c>chrM</c>.</summary>
    Mitochondrion,

    /// <summary>Scaffolds, alternate loci, patches, unplaced and unlocalized sequences: kept under their own name, never an autosome.</summary>
    Other,
}
