using HyenaFlow.Genomics.Csv;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>Reads DepMap's Model.csv: lineage and the Non-Cancerous mark of every model.</summary>
public static class DepMapModelCatalog
{
    public const string NonCancerousDisease = "Non-Cancerous";

    /// <summary>Models by ModelID; lineages are matched to <paramref name="classes"/> ignoring case.</summary>
    public static Dictionary<string, DepMapModel> Read(string path, IReadOnlyList<string> classes)
    {
        using var csv = CsvReader.Open(path);
        int[] columns = csv.RequireColumns("ModelID", "OncotreeLineage", "OncotreePrimaryDisease");
        int nameColumn = csv.IndexOf("CellLineName");
        var models = new Dictionary<string, DepMapModel>(StringComparer.Ordinal);
        while (csv.Read())
        {
            string modelId = csv.GetString(columns[0]).Trim();
            if (modelId.Length == 0)
            {
                throw new DataFormatException(path, csv.LineNumber, "ModelID is empty.");
            }

            string lineage = csv.GetString(columns[1]).Trim();
            bool nonCancerous = csv[columns[2]].Trim().Equals(NonCancerousDisease, StringComparison.OrdinalIgnoreCase);
            string name = nameColumn >= 0 ? csv.GetString(nameColumn).Trim() : "";
            string? className = classes.FirstOrDefault(c => c.Equals(lineage, StringComparison.OrdinalIgnoreCase));
            var model = new DepMapModel(modelId, name.Length > 0 ? name : modelId, lineage, nonCancerous, className);
            if (!models.TryAdd(modelId, model))
            {
                throw new DataFormatException(path, csv.LineNumber, $"ModelID '{modelId}' appears twice; Model.csv must list each model once.");
            }
        }

        return models;
    }
}
