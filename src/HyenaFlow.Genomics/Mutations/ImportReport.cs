using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>Everything the mutation import counted, dropped and kept, so a run can be audited without rerunning it.</summary>
public sealed record ImportReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string MutationsFile { get; init; } = "";

    public string ModelsFile { get; init; } = "";

    public IReadOnlyList<string> Classes { get; init; } = [];

    public string RefMismatchPolicy { get; init; } = "";

    public int ModelsRead { get; init; }

    /// <summary>Cancerous models of the kept classes listed in Model.csv (whether or not they have mutations).</summary>
    public int ModelsInClasses { get; init; }

    public int NonCancerousModelsExcluded { get; init; }

    public long RowsRead { get; init; }

    public long NonDefaultEntryRows { get; init; }

    public long UnknownModelRows { get; init; }

    public int UnknownModelIds { get; init; }

    public long OtherLineageRows { get; init; }

    public long NonCancerousRows { get; init; }

    public long ChromosomeNotInGenomeRows { get; init; }

    public IReadOnlyDictionary<string, long> RowsPerDroppedChromosome { get; init; } = new Dictionary<string, long>();

    public long InvalidAlleleRows { get; init; }

    public IReadOnlyList<ImportSample> InvalidAlleleSamples { get; init; } = [];

    public long ComplexRows { get; init; }

    public IReadOnlyList<ImportSample> ComplexSamples { get; init; } = [];

    public long RefMismatchRows { get; init; }

    public IReadOnlyList<ImportSample> RefMismatchSamples { get; init; } = [];

    public long DuplicateRows { get; init; }

    /// <summary>Mutations that passed every row check, before the median filter.</summary>
    public long MutationsKept { get; init; }

    public IReadOnlyDictionary<string, long> MutationsPerType { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, int> LinesPerClassBeforeFilter { get; init; } = new Dictionary<string, int>();

    public bool MedianFilterApplied { get; init; }

    /// <summary>Median mutations per line over both classes before the filter (0 when there are no lines).</summary>
    public double MedianMutationsPerLine { get; init; }

    public int LinesDroppedByMedianFilter { get; init; }

    public IReadOnlyDictionary<string, int> LinesPerClass { get; init; } = new Dictionary<string, int>();

    public long MutationsAfterFilter { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport FromJson(string json) =>
        JsonSerializer.Deserialize<ImportReport>(json, Json) ?? throw new JsonException("The report is the JSON literal null.");

    /// <summary>A few aligned lines for a terminal: where the rows went and how many lines remain.</summary>
    public string ToSummary()
    {
        var text = new StringBuilder();
        void Row(string label, long count, string note = "") =>
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-40}{count,12:N0}{(note.Length > 0 ? "  " + note : "")}"));

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Models: {ModelsRead:N0} in Model.csv, {ModelsInClasses:N0} cancerous {string.Join("/", Classes)}, {NonCancerousModelsExcluded:N0} non-cancerous excluded"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Rows read: {RowsRead:N0}"));
        Row("not the default entry for model", NonDefaultEntryRows);
        Row("ModelID not in Model.csv", UnknownModelRows, UnknownModelIds > 0 ? $"({UnknownModelIds:N0} distinct ModelIDs)" : "");
        Row("other lineage", OtherLineageRows);
        Row("non-cancerous model", NonCancerousRows);
        Row("chromosome not in genome", ChromosomeNotInGenomeRows, string.Join(", ", RowsPerDroppedChromosome.Take(8).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}"))) + (RowsPerDroppedChromosome.Count > 8 ? ", …" : ""));
        Row("invalid alleles", InvalidAlleleRows);
        Row("complex (not SNP/DNP/TNP/ONP/INS/DEL)", ComplexRows);
        Row($"Ref differs from genome ({RefMismatchPolicy.ToLowerInvariant()})", RefMismatchRows);
        Row("exact duplicates", DuplicateRows);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Mutations kept: {MutationsKept:N0} ({string.Join(", ", MutationsPerType.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")))})"));
        text.AppendLine($"Cell lines before the median filter: {Lines(LinesPerClassBeforeFilter)}");
        if (MedianFilterApplied)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Median filter: aggregated median {MedianMutationsPerLine:0.#} mutations per line; {LinesDroppedByMedianFilter:N0} lines at or below it dropped"));
        }
        else
        {
            text.AppendLine("Median filter: off");
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Cell lines kept: {Lines(LinesPerClass)} with {MutationsAfterFilter:N0} mutations"));
        foreach (ImportSample s in RefMismatchSamples.Take(3))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  e.g. line {s.Line}: {s.ModelId} {s.Chrom}:{s.Pos} Ref {s.Ref}, {s.Detail}"));
        }

        return text.ToString();
    }

    private static string Lines(IReadOnlyDictionary<string, int> perClass) =>
        string.Join(", ", perClass.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));
}
