namespace HyenaFlow.Genomics.Genome;

/// <summary>What an import did: the store written, what was kept and skipped, counts and throughput.</summary>
public sealed record GenomeImportSummary(
    string StorePath,
    string SourceFile,
    string Compression,
    IReadOnlyList<ChromosomeInfo> Kept,
    IReadOnlyList<string> Skipped,
    GenomeStats Stats,
    long FileBytes,
    long TextBytes,
    TimeSpan Elapsed);
