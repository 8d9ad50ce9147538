using System.Globalization;
using System.Text;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Writes Model.csv with DepMap's leading columns and a few of its later ones.</summary>
internal static class ModelCsvWriter
{
    public static readonly string[] Header =
    [
        "ModelID", "PatientID", "CellLineName", "StrippedCellLineName", "DepmapModelType", "OncotreeLineage", "OncotreePrimaryDisease",
        "OncotreeSubtype", "OncotreeCode", "Age", "Sex", "PrimaryOrMetastasis", "SampleCollectionSite", "SourceType", "RRID",
        "GrowthPattern", "CCLEName", "SangerModelID", "COSMICID", "PublicComments",
    ];

    public static void Write(string path, IEnumerable<SyntheticModel> models)
    {
        AtomicFile.WriteText(path, writer =>
        {
            var scratch = new StringBuilder();
            CsvRowWriter.WriteRow(writer, Header, scratch);
            foreach (SyntheticModel m in models)
            {
                CsvRowWriter.WriteRow(writer,
                [
                    m.ModelId, m.PatientId, m.CellLineName, m.StrippedCellLineName, m.Diagnosis.ModelType, m.Lineage.Lineage,
                    m.Diagnosis.PrimaryDisease, m.Diagnosis.Subtype, m.Diagnosis.Code,
                    m.Age?.ToString(CultureInfo.InvariantCulture) ?? "", m.Sex, m.PrimaryOrMetastasis, m.SampleCollectionSite, m.SourceType,
                    m.Rrid, m.Lineage.GrowthPattern, m.CcleName, m.SangerModelId, m.CosmicId, m.PublicComments,
                ], scratch);
            }
        });
    }
}
