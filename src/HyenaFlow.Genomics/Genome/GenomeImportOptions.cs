namespace HyenaFlow.Genomics.Genome;

/// <summary>How a FASTA becomes a genome store.</summary>
public sealed record GenomeImportOptions
{
    /// <summary>Which sequences to keep; the thesis keeps the autosomes.</summary>
    public ChromosomeSelection Keep { get; init; } = ChromosomeSelection.Autosomes;
}
