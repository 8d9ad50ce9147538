namespace HyenaFlow.Genomics.Synthesis;

/// <summary>What <see cref="SyntheticDataGenerator.Generate"/> wrote.</summary>
public sealed record SynthesisSummary(
    string GenomePath,
    string ChecksumsPath,
    string MutationsPath,
    string ModelsPath,
    string GroundTruthPath,
    int SequenceCount,
    long GenomeBases,
    int ModelCount,
    int LungLines,
    int LymphoidLines,
    int NonCancerousLines,
    int OtherLines,
    long MutationRows,
    long Seed);
