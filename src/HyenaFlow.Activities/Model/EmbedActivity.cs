using System.Text.Json.Nodes;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>embed@1: mean-pooled backbone embeddings of a dataset split as a float32 .npy (n × d), as
/// `hyenaflow model embed` writes them.</summary>
public sealed class EmbedActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "embed", "1", "model", "Mean-pooled backbone embeddings of a dataset split, as a float32 .npy (n × d).",
        [
            new InputDescriptor("dataset", DataType.Artifact, true, null, "dataset from build-dataset (with include-embedding for the held-out lines)"),
            new InputDescriptor("weights", DataType.Artifact, true, null, "model weights: a pretrain checkpoint, fine-tuned weights or a published checkpoint"),
            ModelSetup.SplitInput,
            ModelSetup.ConfigInput,
            ModelSetup.BatchInput,
            ModelSetup.DeviceInput,
        ],
        [
            new OutputDescriptor("embeddings", DataType.Artifact, "float32 .npy, one row per sequence"),
            new OutputDescriptor("rows", DataType.Integer, "sequences embedded"),
            new OutputDescriptor("width", DataType.Integer, "embedding width (d_model)"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var splitText = InputValues.String(inputs, "split");
        var split = Enum.TryParse<Split>(splitText, ignoreCase: true, out var parsed) ? parsed : throw new InvalidDataException($"input 'split' must be train, test or embedding, got '{splitText}'");
        var configName = InputValues.OptionalString(inputs, "config");
        var batch = InputValues.Int32(inputs, "batch", minimum: 1);
        var device = InputValues.String(inputs, "device");
        var datasetPath = await context.MaterializeAsync(inputs["dataset"], "dataset", cancellationToken).ConfigureAwait(false);
        var weights = await ModelSetup.MaterializeWeightsAsync(context, inputs["weights"], "weights", cancellationToken).ConfigureAwait(false);
        var output = Path.Combine(context.WorkingDirectory, "embeddings.npy");
        var (rows, width) = await Task.Run(() =>
        {
            ModelSetup.ApplyThreads();
            using var data = ShardedDataset.Open(datasetPath, split);
            var config = ModelSetup.ResolveConfig(configName, data.TokensPerSequence);
            using var model = ModelSetup.LoadModel(config, data.ClassCount, weights, context);
            var progress = new Progress<long>(done => context.Progress.Report(data.Count > 0 ? (double)done / data.Count : 1));
            return (Embedder.Embed(model, data, output, batch, TorchSettings.SelectDevice(device), progress, cancellationToken), config.ModelWidth);
        }, cancellationToken).ConfigureAwait(false);
        context.Log($"{rows} × {width} embeddings");
        return new Dictionary<string, JsonNode>
        {
            ["embeddings"] = await context.PutArtifactAsync(output, cancellationToken).ConfigureAwait(false),
            ["rows"] = JsonValue.Create(rows),
            ["width"] = JsonValue.Create(width),
        };
    }
}
