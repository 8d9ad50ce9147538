namespace HyenaFlow.Genomics.Mutations;

/// <summary>Running counts of why rows were dropped during one import, with a few examples of each.</summary>
internal sealed class ImportTally(int sampleSize)
{
    public long RowsRead;
    public long NonDefaultEntryRows;
    public long UnknownModelRows;
    public long OtherLineageRows;
    public long NonCancerousRows;
    public long ChromosomeNotInGenomeRows;
    public long InvalidAlleleRows;
    public long ComplexRows;
    public long RefMismatchRows;
    public long DuplicateRows;

    public HashSet<string> UnknownModelIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> RowsPerDroppedChromosome { get; } = new(StringComparer.Ordinal);

    public List<ImportSample> InvalidAlleleSamples { get; } = [];

    public List<ImportSample> ComplexSamples { get; } = [];

    public List<ImportSample> RefMismatchSamples { get; } = [];

    public bool WantsSample(List<ImportSample> samples) => samples.Count < sampleSize;
}
