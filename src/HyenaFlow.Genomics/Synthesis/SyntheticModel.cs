namespace HyenaFlow.Genomics.Synthesis;

/// <summary>One generated DepMap model (a row of Model.csv).</summary>
internal sealed record SyntheticModel(
    string ModelId,
    string PatientId,
    string CellLineName,
    LineageProfile Lineage,
    Diagnosis Diagnosis,
    bool IsCancerous,
    int? Age,
    string Sex,
    string PrimaryOrMetastasis,
    string SampleCollectionSite,
    string SourceType,
    string Rrid,
    string SangerModelId,
    string CosmicId,
    string PublicComments)
{
    public string StrippedCellLineName => new(CellLineName.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public string CcleName => $"{StrippedCellLineName}_{Lineage.CcleTissue}";

    /// <summary>A member of the thesis's two classes: cancerous Lung or cancerous Lymphoid.</summary>
    public bool IsClassMember => IsCancerous && (Lineage == LineageCatalog.Lung || Lineage == LineageCatalog.Lymphoid);
}
