using System.Text.Json.Nodes;
using HyenaFlow.Activities.Model;
using HyenaFlow.Engine;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Workflows.Activities;
using TorchSharp;

namespace HyenaFlow.Activities.Analysis;

/// <summary>
/// embed-windows@1: the first half of the embedding experiment (thesis 3.2.1), as `hyenaflow analysis umap-grid`
/// does it: reference windows at seeded random starts on the genome's first chromosomes, mean-pooled by a
/// pre-trained model, written as a float32 .npy with a points.tsv saying where each row came from.
/// </summary>
public sealed class EmbedWindowsActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "embed-windows", "1", "analysis", "Embeddings of seeded reference windows from the genome's first chromosomes (.npy) and where each came from (points.tsv).",
        [
            new InputDescriptor("genome", DataType.Artifact, true, null, "genome store from import-genome"),
            new InputDescriptor("weights", DataType.Artifact, true, null, "pre-trained model weights: a pretrain checkpoint or a published checkpoint"),
            ModelSetup.ConfigInput,
            new InputDescriptor("length", DataType.Integer, false, JsonValue.Create(1024), "bases per reference window"),
            new InputDescriptor("per-chromosome", DataType.Integer, false, JsonValue.Create(1320), "windows per chromosome (the thesis: 3 × 1,320 = 3,960)"),
            new InputDescriptor("chromosomes", DataType.ArrayOf(DataType.String), false, new JsonArray(), "chromosomes to sample; empty: the genome's first three"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(42), "seed of the window positions"),
            ModelSetup.BatchInput,
            ModelSetup.DeviceInput,
        ],
        [
            new OutputDescriptor("embeddings", DataType.Artifact, "float32 .npy, one row per window"),
            new OutputDescriptor("points", DataType.Artifact, "points.tsv: point, chromosome, start, length of each row"),
            new OutputDescriptor("rows", DataType.Integer, "windows embedded"),
            new OutputDescriptor("width", DataType.Integer, "embedding width (d_model)"),
            new OutputDescriptor("model", DataType.String, "the model configuration, for figure titles"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var chromosomes = InputValues.Strings(inputs, "chromosomes");
        var options = new EmbeddingExperimentOptions
        {
            Length = InputValues.Int32(inputs, "length", minimum: 1),
            PerChromosome = InputValues.Int32(inputs, "per-chromosome", minimum: 1),
            Chromosomes = chromosomes.Count > 0 ? chromosomes : null,
            Seed = InputValues.Int32(inputs, "seed"),
            BatchSize = InputValues.Int32(inputs, "batch", minimum: 1),
        };
        var configName = InputValues.OptionalString(inputs, "config");
        var device = InputValues.String(inputs, "device");
        var genomePath = await context.MaterializeAsync(inputs["genome"], "genome", cancellationToken).ConfigureAwait(false);
        var weights = await ModelSetup.MaterializeWeightsAsync(context, inputs["weights"], "weights", cancellationToken).ConfigureAwait(false);
        var folder = Path.Combine(context.WorkingDirectory, "windows");
        Directory.CreateDirectory(folder);
        var npy = Path.Combine(folder, "embeddings.npy");
        var table = Path.Combine(folder, EmbeddingPointsTable.FileName);
        var (rows, width, name) = await Task.Run(() =>
        {
            ModelSetup.ApplyThreads();
            using var genome = GenomeStore.Open(genomePath);
            var config = ModelSetup.ResolveConfig(configName, options.Length + 2);
            using var model = ModelSetup.LoadModel(config, null, weights, context);
            var torchDevice = TorchSettings.SelectDevice(device);
            model.to(torchDevice);
            var windows = EmbeddingExperiment.EmbedReferenceWindows(genome, model, options, torchDevice, ActivityProgress.Of(context), cancellationToken);
            EmbeddingMatrix.Write(npy, windows.Vectors);
            EmbeddingPointsTable.Write(table, windows.Points, windows.Length);
            return (windows.Count, config.ModelWidth, config.Name);
        }, cancellationToken).ConfigureAwait(false);
        context.Log($"{rows} reference windows × {width} dimensions embedded with {name}");
        return new Dictionary<string, JsonNode>
        {
            ["embeddings"] = await context.PutArtifactAsync(npy, cancellationToken).ConfigureAwait(false),
            ["points"] = await context.PutArtifactAsync(table, cancellationToken).ConfigureAwait(false),
            ["rows"] = JsonValue.Create(rows),
            ["width"] = JsonValue.Create(width),
            ["model"] = JsonValue.Create(name),
        };
    }
}
