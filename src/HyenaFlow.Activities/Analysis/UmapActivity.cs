using System.Globalization;
using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Analysis;

/// <summary>
/// umap@1: the second half of the embedding experiment, through the code `hyenaflow analysis umap-grid` runs: UMAP
/// over the n_neighbors × min_dist grid, one grid PNG per labelling (chromosome and binned position of the
/// embeddings; cancer type of the control embeddings), coordinates.tsv and the trustworthiness of every setting.
/// The PNGs and tables are also kept as the stage's report files.
/// </summary>
public sealed class UmapActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "umap", "1", "analysis", "UMAP over the n_neighbors × min_dist grid: grid PNGs by chromosome, binned position and cancer type, coordinates and trustworthiness.",
        [
            new InputDescriptor("embeddings", DataType.Artifact, true, null, "float32 .npy (n × d) from embed-windows or embed: drawn by chromosome and binned position"),
            new InputDescriptor("points", DataType.Artifact, true, null, "where each row came from: points.tsv from embed-windows, or the dataset that embed read"),
            new InputDescriptor("split", DataType.String, false, JsonValue.Create("embedding"), "the split embed read, when points is a dataset"),
            new InputDescriptor("control-embeddings", DataType.Artifact, false, null, "embeddings of mutated sequences (embed of a dataset split): drawn by cancer type"),
            new InputDescriptor("control-points", DataType.Artifact, false, null, "the dataset (or points.tsv) of the control embeddings"),
            new InputDescriptor("control-split", DataType.String, false, JsonValue.Create("embedding"), "the split of the control dataset that embed read"),
            new InputDescriptor("n-neighbors", DataType.ArrayOf(DataType.Integer), false, new JsonArray(5, 10, 20, 50, 100, 200), "n_neighbors values: the grid's rows"),
            new InputDescriptor("min-dist", DataType.ArrayOf(DataType.Number), false, new JsonArray(0.0, 0.1, 0.25, 0.5, 0.8, 0.99), "min_dist values: the grid's columns"),
            new InputDescriptor("epochs", DataType.Integer, false, JsonValue.Create(0), "layout epochs per setting; 0: umap-learn's default (500 up to 10,000 points)"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(42), "seed of every UMAP fit"),
            new InputDescriptor("bin-width", DataType.Integer, false, JsonValue.Create(0), "width of the position bins in bases; 0: the sequence length"),
            new InputDescriptor("coloured-bins", DataType.Integer, false, JsonValue.Create(5), "the fullest position bins drawn in colour"),
            new InputDescriptor("model", DataType.String, false, JsonValue.Create("HyenaDNA"), "the model that made the embeddings, for the titles"),
            new InputDescriptor("width", DataType.Integer, false, JsonValue.Create(2400), "width of each grid image in pixels"),
            new InputDescriptor("height", DataType.Integer, false, JsonValue.Create(2500), "height of each grid image in pixels"),
        ],
        [
            new OutputDescriptor("coordinates", DataType.Artifact, "coordinates.tsv: one row per point per setting, with every label"),
            new OutputDescriptor("chromosome-plot", DataType.Artifact, "grid PNG coloured by chromosome"),
            new OutputDescriptor("position-plot", DataType.Artifact, "grid PNG coloured by binned position"),
            new OutputDescriptor("cancer-type-plot", DataType.Artifact, "grid PNG of the control coloured by cancer type; empty without a control"),
            new OutputDescriptor("settings", DataType.Integer, "UMAP settings fitted per set"),
            new OutputDescriptor("trustworthiness", DataType.ArrayOf(DataType.Object), "per set and setting: n-neighbors, min-dist, trustworthiness@10 (null for sets too small)"),
            new OutputDescriptor("best-trustworthiness", DataType.Number, "the highest trustworthiness@10 of the embeddings; 0 when they are 20 points or fewer (not measurable)"),
            new OutputDescriptor("best-setting", DataType.String, "the setting that reached it"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var options = ReadOptions(inputs);
        bool hasControl = InputValues.IsSet(inputs, "control-embeddings");
        if (hasControl != InputValues.IsSet(inputs, "control-points"))
            throw new InvalidDataException("inputs 'control-embeddings' and 'control-points' go together: give both for the cancer-type control, or neither");
        var reference = await PointSetInput.ReadAsync(context, inputs, "embeddings", "points", "split", cancellationToken).ConfigureAwait(false);
        var control = hasControl
            ? await PointSetInput.ReadAsync(context, inputs, "control-embeddings", "control-points", "control-split", cancellationToken).ConfigureAwait(false)
            : null;

        var folder = Path.Combine(context.WorkingDirectory, "umap");
        var result = await Task.Run(() => EmbeddingMaps.Write(reference, control, options, folder, ActivityProgress.Of(context), cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        foreach (var image in result.Images)
            await context.LogFileAsync(image, "plots", cancellationToken).ConfigureAwait(false);
        await context.LogFileAsync(result.CoordinatesPath, "tables", cancellationToken).ConfigureAwait(false);
        await context.LogFileAsync(result.QualityPath!, "tables", cancellationToken).ConfigureAwait(false);
        foreach (var q in result.Quality.Where(q => q.Trustworthiness is not null))
            context.LogMetric(string.Create(CultureInfo.InvariantCulture, $"trustworthiness/{q.Set}/n{q.Setting.NeighborCount}-md{q.Setting.MinDistanceText}"), q.Trustworthiness!.Value, 0);

        var best = result.Quality.Where(q => q.Set == "reference" && q.Trustworthiness is not null).MaxBy(q => q.Trustworthiness);
        context.Log($"{result.Settings} UMAP settings in {result.UmapTime.TotalSeconds:F1} s" +
                    (best is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; best trustworthiness {best.Trustworthiness:F4} at {best.Setting.Title}")));
        return new Dictionary<string, JsonNode>
        {
            ["coordinates"] = await context.PutArtifactAsync(result.CoordinatesPath, cancellationToken).ConfigureAwait(false),
            ["chromosome-plot"] = await context.PutArtifactAsync(result.Images[0], cancellationToken).ConfigureAwait(false),
            ["position-plot"] = await context.PutArtifactAsync(result.Images[1], cancellationToken).ConfigureAwait(false),
            ["cancer-type-plot"] = result.Images.Count > 2 ? await context.PutArtifactAsync(result.Images[2], cancellationToken).ConfigureAwait(false) : JsonValue.Create(""),
            ["settings"] = JsonValue.Create(result.Settings),
            ["trustworthiness"] = new JsonArray([.. result.Quality.Select(Quality)]),
            ["best-trustworthiness"] = JsonValue.Create(best?.Trustworthiness ?? 0),
            ["best-setting"] = JsonValue.Create(best?.Setting.Title ?? ""),
        };
    }

    /// <summary>The grid and drawing settings, checked before any artifact is fetched.</summary>
    public static EmbeddingMapOptions ReadOptions(IReadOnlyDictionary<string, JsonNode> inputs)
    {
        var neighbors = InputValues.Array(inputs, "n-neighbors").Select((n, i) => Whole(n, "n-neighbors", i)).ToList();
        var minDist = InputValues.Array(inputs, "min-dist").Select((d, i) => Fraction(d, "min-dist", i)).ToList();
        var grid = new UmapGrid(neighbors, minDist);
        try
        {
            // Point counts are checked once the embeddings are read; here only the values themselves.
            grid.Validate(int.MaxValue, "the inputs");
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"inputs 'n-neighbors' and 'min-dist': {e.Message}", e);
        }

        var epochs = InputValues.Int32(inputs, "epochs", minimum: 0);
        var binWidth = InputValues.Int32(inputs, "bin-width", minimum: 0);
        return new EmbeddingMapOptions
        {
            Grid = grid,
            Epochs = epochs > 0 ? epochs : null,
            Seed = InputValues.Int32(inputs, "seed"),
            BinWidth = binWidth > 0 ? binWidth : null,
            ColouredBins = InputValues.Int32(inputs, "coloured-bins", minimum: 1),
            ModelName = InputValues.OptionalString(inputs, "model") ?? "HyenaDNA",
            ImageWidth = InputValues.Int32(inputs, "width", minimum: 200),
            ImageHeight = InputValues.Int32(inputs, "height", minimum: 200),
        };
    }

    private static JsonNode Quality(SettingQuality q) => new JsonObject
    {
        ["set"] = q.Set,
        ["n-neighbors"] = q.Setting.NeighborCount,
        ["min-dist"] = double.Parse(q.Setting.MinDistance.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        ["trustworthiness"] = OutputValues.Number(q.Trustworthiness),
    };

    private static int Whole(JsonNode? node, string input, int index) =>
        node is JsonValue v && v.TryGetValue<int>(out var n) ? n
        : node is JsonValue d && d.TryGetValue<double>(out var x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue ? (int)x
        : throw new InvalidDataException($"input '{input}' item {index} must be a whole number, got {node?.ToJsonString() ?? "null"}");

    private static float Fraction(JsonNode? node, string input, int index) =>
        node is JsonValue v && v.TryGetValue<double>(out var x) ? (float)x
        : throw new InvalidDataException($"input '{input}' item {index} must be a number, got {node?.ToJsonString() ?? "null"}");
}
