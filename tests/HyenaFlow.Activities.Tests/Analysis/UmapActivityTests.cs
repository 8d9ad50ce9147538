using System.Globalization;
using System.Text.Json.Nodes;
using HyenaFlow.Activities.Analysis;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Analysis;

/// <summary>umap@1 on generated, well-separated embeddings: the grid PNGs, tables, trustworthiness and report files.</summary>
public sealed class UmapActivityTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hf-umap-").FullName;
    private readonly LocalArtifactStore _store;

    public UmapActivityTests() => _store = new LocalArtifactStore(Path.Combine(_root, "store"));

    [Fact]
    public async Task Umap_draws_each_labelling_keeps_clusters_apart_and_reports_its_files()
    {
        var telemetry = new CollectingTelemetry(Path.Combine(_root, "reports"));
        var outputs = await RunAsync(new Dictionary<string, JsonNode>
        {
            ["embeddings"] = await PutEmbeddingsAsync("ref", Clusters(["chr1", "chr2", "chr3"], 20, seed: 1)),
            ["points"] = await PutPointsAsync("ref", ["chr1", "chr2", "chr3"], 20, cancerTypes: false),
            ["control-embeddings"] = await PutEmbeddingsAsync("ctl", Clusters(["Lung", "Lymphoid"], 15, seed: 2)),
            ["control-points"] = await PutPointsAsync("ctl", ["Lung", "Lymphoid"], 15, cancerTypes: true),
        }, telemetry);

        Assert.Equal(4, outputs["settings"].GetValue<int>());
        foreach (var plot in new[] { "chromosome-plot", "position-plot", "cancer-type-plot" })
            Png.AssertValid(await MaterializeAsync(outputs[plot], plot + ".png"), 700, 650);

        var coordinates = File.ReadAllLines(await MaterializeAsync(outputs["coordinates"], "coordinates.tsv"));
        Assert.Equal(string.Join('\t', CoordinatesTable.Columns), coordinates[0]);
        Assert.Equal(1 + (60 + 30) * 4, coordinates.Length);

        // Separated clusters stay separated: nearly no intruders among the 10 nearest neighbours.
        var quality = outputs["trustworthiness"].AsArray();
        Assert.Equal(8, quality.Count);
        Assert.All(quality, q => Assert.InRange(q!["trustworthiness"]!.GetValue<double>(), 0.9, 1.0));
        Assert.InRange(outputs["best-trustworthiness"].GetValue<double>(), 0.9, 1.0);
        Assert.StartsWith("(n_neighbors, min_dist) = (", outputs["best-setting"].GetValue<string>());

        Assert.Equal(
            ["plots/umap-chromosome.png", "plots/umap-position-bins.png", "plots/umap-cancer-type.png", "tables/coordinates.tsv", "tables/trustworthiness.tsv"],
            telemetry.Paths);
        Png.AssertValid(telemetry.Files[0].Copy, 700, 650);
        Assert.Equal(8, telemetry.Metrics.Count);
        Assert.Contains(telemetry.Metrics, m => m.Key == "trustworthiness/reference/n5-md0.0");
        Assert.Contains(telemetry.Metrics, m => m.Key == "trustworthiness/mutated/n10-md0.5");
    }

    [Fact]
    public async Task Without_a_control_the_cancer_type_plot_is_empty()
    {
        var outputs = await RunAsync(new Dictionary<string, JsonNode>
        {
            ["embeddings"] = await PutEmbeddingsAsync("ref", Clusters(["chr1", "chr2"], 12, seed: 3)),
            ["points"] = await PutPointsAsync("ref", ["chr1", "chr2"], 12, cancerTypes: false),
        }, new CollectingTelemetry(Path.Combine(_root, "r2")));
        Assert.Equal("", outputs["cancer-type-plot"].GetValue<string>());
        Assert.Equal(4, outputs["trustworthiness"].AsArray().Count);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_error_naming_what_is_wrong()
    {
        var points = await PutPointsAsync("ref", ["chr1", "chr2"], 12, cancerTypes: false);
        var tooFew = await PutEmbeddingsAsync("few", Clusters(["chr1", "chr2"], 10, seed: 4));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new() { ["embeddings"] = tooFew, ["points"] = points }));
        Assert.Contains("'embeddings' has 20 rows but input 'points' describes 24 points", error.Message);

        var vectors = Clusters(["chr1", "chr2"], 12, seed: 5);
        vectors[7, 3] = float.NaN;
        var broken = await PutEmbeddingsAsync("nan", vectors);
        error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new() { ["embeddings"] = broken, ["points"] = points }));
        Assert.Contains("point 7", error.Message);
        Assert.Contains("NaN", error.Message);

        var good = await PutEmbeddingsAsync("good", Clusters(["chr1", "chr2"], 12, seed: 6));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(new() { ["embeddings"] = good, ["points"] = points, ["n-neighbors"] = new JsonArray(5, 50) }));
        Assert.Contains("largest n_neighbors is 50", tooMany.Message);

        error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new() { ["embeddings"] = good, ["points"] = points, ["min-dist"] = new JsonArray(0.1, 1.5) }));
        Assert.Contains("min_dist 1.5", error.Message);
        error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new() { ["embeddings"] = good, ["points"] = points, ["n-neighbors"] = new JsonArray("five") }));
        Assert.Contains("'n-neighbors' item 0", error.Message);
        error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(new() { ["embeddings"] = good, ["points"] = points, ["control-embeddings"] = good }));
        Assert.Contains("'control-points'", error.Message);

        var notNpy = ArtifactValue.Format(await _store.PutAsync(Write("not.npy", "hello")));
        var format = await Assert.ThrowsAsync<HyenaFlow.Genomics.DataFormatException>(() => RunAsync(new() { ["embeddings"] = notNpy, ["points"] = points }));
        Assert.Contains("embeddings.npy", format.Message);
    }

    private async Task<IReadOnlyDictionary<string, JsonNode>> RunAsync(Dictionary<string, JsonNode> given, IStageTelemetry? telemetry = null)
    {
        var activity = new UmapActivity();
        var inputs = activity.Descriptor.Inputs.Where(i => i.Default is not null).ToDictionary(i => i.Name, i => i.Default!.DeepClone());
        inputs["n-neighbors"] = new JsonArray(5, 10);
        inputs["min-dist"] = new JsonArray(0.0, 0.5);
        inputs["epochs"] = 60;
        inputs["seed"] = 3;
        inputs["width"] = 700;
        inputs["height"] = 650;
        foreach (var (name, value) in given)
            inputs[name] = value;
        var work = Directory.CreateDirectory(Path.Combine(_root, "work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var context = new ActivityContext("run", "umap", 1, work, work, _store, _ => { }, telemetry: telemetry);
        return await activity.ExecuteAsync(context, inputs, CancellationToken.None);
    }

    /// <summary>Points of each group around its own centre, far from the others, in 16 dimensions.</summary>
    private static float[,] Clusters(IReadOnlyList<string> groups, int perGroup, int seed)
    {
        var random = new Random(seed);
        var data = new float[groups.Count * perGroup, 16];
        for (int g = 0; g < groups.Count; g++)
        {
            for (int i = 0; i < perGroup; i++)
            {
                for (int d = 0; d < 16; d++)
                    data[g * perGroup + i, d] = (d == g ? 12f : 0f) + (float)(random.NextDouble() * 2 - 1);
            }
        }

        return data;
    }

    private async Task<JsonNode> PutEmbeddingsAsync(string name, float[,] vectors)
    {
        var path = Path.Combine(_root, name + ".npy");
        EmbeddingMatrix.Write(path, vectors);
        return ArtifactValue.Format(await _store.PutAsync(path));
    }

    private async Task<JsonNode> PutPointsAsync(string name, IReadOnlyList<string> groups, int perGroup, bool cancerTypes)
    {
        var points = groups.SelectMany((g, gi) => Enumerable.Range(0, perGroup).Select(i => (g, gi, i)))
            .Select((p, id) => cancerTypes
                ? new EmbeddingPoint(id, "chr" + (1 + p.i % 3).ToString(CultureInfo.InvariantCulture), 1_000L * p.i, p.g, $"ACH-{p.gi}{p.i % 4}")
                : new EmbeddingPoint(id, p.g, 5_000L * p.i))
            .ToList();
        var path = Path.Combine(_root, name + "-" + EmbeddingPointsTable.FileName);
        EmbeddingPointsTable.Write(path, points, 1024);
        return ArtifactValue.Format(await _store.PutAsync(path));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> MaterializeAsync(JsonNode artifact, string name)
    {
        var path = Path.Combine(_root, "out-" + Guid.NewGuid().ToString("N")[..6], name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _store.MaterializeAsync(ArtifactValue.Parse(artifact), path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
