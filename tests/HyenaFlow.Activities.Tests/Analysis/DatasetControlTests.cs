using System.Text.Json.Nodes;
using HyenaFlow.Activities.Analysis;
using HyenaFlow.Activities.Model;
using HyenaFlow.Activities.Tests.Pipeline;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Analysis;

/// <summary>umap@1 labels the rows of embed@1's .npy from the dataset embed read: row i of the split is point i,
/// with its chromosome, start, cancer type and cell line, as the engine's own reader numbers them.</summary>
public sealed class DatasetControlTests(PipelineFixture data) : IClassFixture<PipelineFixture>
{
    [Fact]
    public async Task Umap_labels_embed_rows_with_the_dataset_split_they_came_from()
    {
        var (_, dataset) = await data.SmallDatasetAsync();
        var weights = Path.Combine(data.NewFolder("weights"), "random.weights");
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, 2))
        {
            model.InitializeWeights(3);
            model.save(weights);
        }

        var embedded = await data.RunAsync(new EmbedActivity(), new()
        {
            ["dataset"] = dataset, ["weights"] = await data.PutAsync(weights), ["split"] = "train", ["config"] = "tiny-1k", ["device"] = "cpu",
        });
        var maps = await data.RunAsync(new UmapActivity(), new()
        {
            ["embeddings"] = embedded["embeddings"], ["points"] = dataset, ["split"] = "train",
            ["control-embeddings"] = embedded["embeddings"], ["control-points"] = dataset, ["control-split"] = "train",
            ["n-neighbors"] = new JsonArray(3, 5), ["min-dist"] = new JsonArray(0.1, 0.5), ["epochs"] = 40, ["width"] = 640, ["height"] = 640,
        });

        Png.AssertValid(await data.MaterializeAsync(maps["cancer-type-plot"], "cancer.png"), 640, 640);
        var datasetPath = await data.MaterializeAsync(dataset, "dataset");
        using var train = ShardedDataset.Open(datasetPath, Split.Train);
        var rows = File.ReadAllLines(await data.MaterializeAsync(maps["coordinates"], "coordinates.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(r => r[0] == "mutated" && r[1] == "3" && r[2] == "0.1").ToList();
        Assert.Equal(train.Count, rows.Count);
        foreach (var row in rows)
        {
            var point = long.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(train.CellLine(point), row[8]);
            Assert.Equal(train.Info.Classes[(int)train.Label(point)], row[7]);
        }

        // Too few points for trustworthiness@10: reported as not measurable rather than failing the stage.
        Assert.All(maps["trustworthiness"].AsArray(), q => Assert.Null(q!["trustworthiness"]));
        Assert.Equal(0, maps["best-trustworthiness"].GetValue<double>());

        var wrongSplit = await Assert.ThrowsAsync<InvalidDataException>(() => data.RunAsync(new UmapActivity(), new()
        {
            ["embeddings"] = embedded["embeddings"], ["points"] = dataset, ["split"] = "test", ["n-neighbors"] = new JsonArray(3), ["min-dist"] = new JsonArray(0.1),
        }));
        Assert.Contains("input 'points' describes", wrongSplit.Message);
        Assert.Contains("test split", wrongSplit.Message);
    }
}
