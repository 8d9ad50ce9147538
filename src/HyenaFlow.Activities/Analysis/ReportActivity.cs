using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Plots.Report;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Analysis;

/// <summary>
/// report@1: the thesis's figures other than the UMAP grids, drawn by the code `hyenaflow analysis report` runs
/// (mutations per cell line by lineage, mutations per sequence per dataset, train and validation loss, the cosine
/// schedule, the results table as Markdown and PNG), plus report.md showing them with the compare stage's table.
/// Every file is also kept as a report file of the stage.
/// </summary>
public sealed class ReportActivity : IActivity
{
    private const string PlotsFolder = "plots";
    private const string TablesFolder = "tables";

    public ActivityDescriptor Descriptor { get; } = new(
        "report", "1", "reports", "The thesis's figures (mutations per line and per sequence, loss curves, schedule, results table) as PNGs and report.md.",
        [
            new InputDescriptor("mutations", DataType.Artifact, false, null, "mutation set from import-mutations: mutations per cell line by lineage (Figures 3.2–3.4)"),
            new InputDescriptor("datasets", DataType.ArrayOf(DataType.Any), false, new JsonArray(), "datasets from build-dataset, e.g. at 1,024 and 32,768: mutations per sequence (Figure 3.6)"),
            new InputDescriptor("metrics", DataType.ArrayOf(DataType.Any), false, new JsonArray(), "metrics-log of finetune stages: loss curves (4.5–4.6), the schedule (3.5) and the results table (4.1)"),
            new InputDescriptor("table", DataType.String, false, JsonValue.Create(""), "the compare stage's Markdown table, shown at the top of report.md"),
            new InputDescriptor("title", DataType.String, false, JsonValue.Create("HyenaFlow report"), "heading of report.md"),
            new InputDescriptor("width", DataType.Integer, false, JsonValue.Create(1000), "width of each figure in pixels"),
            new InputDescriptor("height", DataType.Integer, false, JsonValue.Create(650), "height of each figure in pixels"),
        ],
        [
            new OutputDescriptor("report", DataType.Artifact, "folder of every figure, results.md and report.md"),
            new OutputDescriptor("markdown", DataType.String, "the text of report.md"),
            new OutputDescriptor("figures", DataType.Integer, "PNGs drawn"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        int width = InputValues.Int32(inputs, "width", minimum: 200);
        int height = InputValues.Int32(inputs, "height", minimum: 150);
        var title = InputValues.String(inputs, "title");
        var table = InputValues.OptionalString(inputs, "table");
        var datasetArtifacts = Artifacts(inputs, "datasets");
        var metricsArtifacts = Artifacts(inputs, "metrics");

        string? mutationsPath = InputValues.IsSet(inputs, "mutations") && InputValues.OptionalString(inputs, "mutations") is not null
            ? await context.MaterializeAsync(inputs["mutations"], "mutations", cancellationToken).ConfigureAwait(false)
            : null;
        var datasets = new List<string>();
        for (int i = 0; i < datasetArtifacts.Count; i++)
            datasets.Add(await context.MaterializeAsync(datasetArtifacts[i], $"datasets/{i + 1}", cancellationToken).ConfigureAwait(false));
        var metrics = new List<string>();
        for (int i = 0; i < metricsArtifacts.Count; i++)
            metrics.Add(await context.MaterializeAsync(metricsArtifacts[i], $"metrics/run-{i + 1}.jsonl", cancellationToken).ConfigureAwait(false));

        var folder = Path.Combine(context.WorkingDirectory, "report");
        var page = Path.Combine(folder, ReportPage.FileName);
        // The page kept with the stage sits above the plots/ and tables/ folders its files are kept in.
        var loggedPage = Path.Combine(context.WorkingDirectory, "logged", ReportPage.FileName);
        var files = await Task.Run(() =>
        {
            MutationSet? mutations = mutationsPath is null ? null : MutationSetStore.Load(mutationsPath);
            var written = ThesisReport.Write(new ThesisReportInputs(mutations, datasets, metrics) { Width = width, Height = height }, folder);
            ReportPage.Write(page, title, written, table);
            Directory.CreateDirectory(Path.GetDirectoryName(loggedPage)!);
            ReportPage.Write(loggedPage, title, written, table, PlotsFolder, TablesFolder);
            return written;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var file in files)
            await context.LogFileAsync(file, file.EndsWith(".png", StringComparison.Ordinal) ? PlotsFolder : TablesFolder, cancellationToken).ConfigureAwait(false);
        await context.LogFileAsync(loggedPage, null, cancellationToken).ConfigureAwait(false);
        int figures = files.Count(f => f.EndsWith(".png", StringComparison.Ordinal));
        context.Log($"{figures} figures and {files.Count - figures + 1} tables");
        return new Dictionary<string, JsonNode>
        {
            ["report"] = await context.PutArtifactAsync(folder, cancellationToken).ConfigureAwait(false),
            ["markdown"] = JsonValue.Create(await File.ReadAllTextAsync(page, cancellationToken).ConfigureAwait(false)),
            ["figures"] = JsonValue.Create(figures),
        };
    }

    /// <summary>The artifacts of an array input, nested fan-ins (a matrix stage's outputs) read in order, flattened.</summary>
    private static IReadOnlyList<JsonNode> Artifacts(IReadOnlyDictionary<string, JsonNode> inputs, string name) =>
        Flatten(InputValues.Array(inputs, name))
            .Select((item, i) => ArtifactValue.IsArtifact(item)
                ? item!
                : throw new InvalidDataException($"input '{name}' item {i} must be an artifact (artifact:file|dir:<sha256>:<length>), got {item?.ToJsonString() ?? "null"}"))
            .ToList();

    private static IEnumerable<JsonNode?> Flatten(JsonArray array) =>
        array.SelectMany(item => item is JsonArray inner ? Flatten(inner) : [item]);
}
