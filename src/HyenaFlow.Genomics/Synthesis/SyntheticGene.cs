namespace HyenaFlow.Genomics.Synthesis;

/// <summary>A gene of the synthetic annotation: identifiers in Ensembl/HGNC/NCBI shapes, 1-based inclusive span.</summary>
internal sealed record SyntheticGene(
    string Symbol,
    string Name,
    string Family,
    string Biotype,
    long Start,
    long End,
    string EnsemblGeneId,
    string TranscriptId,
    string ProteinId,
    string HgncId,
    int EntrezId,
    string UniprotId,
    string ManeSelect,
    double Pli,
    bool IsOncogene,
    bool IsTumorSuppressor)
{
    public bool IsCancerGene => IsOncogene || IsTumorSuppressor;
}
