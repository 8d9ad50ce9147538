using System.Text.Json.Nodes;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>evaluate@1: loss, accuracy, AUROC, confusion matrix and per-cell-line majority vote of a classifier on a
/// dataset split, as `hyenaflow model evaluate` computes them.</summary>
public sealed class EvaluateActivity : IActivity
{
    public sealed record Input(Split Split, string? Config, int Batch, string Device)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs)
        {
            var split = InputValues.String(inputs, "split");
            return new Input(
                Enum.TryParse<Split>(split, ignoreCase: true, out var parsed) ? parsed : throw new InvalidDataException($"input 'split' must be train, test or embedding, got '{split}'"),
                InputValues.OptionalString(inputs, "config"),
                InputValues.Int32(inputs, "batch", minimum: 1),
                InputValues.String(inputs, "device"));
        }
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "evaluate", "1", "model", "Loss, accuracy, AUROC, confusion matrix and per-cell-line majority vote of a classifier on a dataset split.",
        [
            new InputDescriptor("dataset", DataType.Artifact, true, null, "dataset from build-dataset"),
            new InputDescriptor("weights", DataType.Artifact, true, null, "classifier weights (finetune's weights output)"),
            ModelSetup.SplitInput,
            ModelSetup.ConfigInput,
            ModelSetup.BatchInput,
            ModelSetup.DeviceInput,
        ],
        [
            new OutputDescriptor("metrics", DataType.Object, "sequences, loss, accuracy, auroc, cell-line-accuracy, classes, confusion (rows actual, columns predicted)"),
            new OutputDescriptor("accuracy", DataType.Number, "share of sequences classified correctly"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var datasetPath = await context.MaterializeAsync(inputs["dataset"], "dataset", cancellationToken).ConfigureAwait(false);
        var weights = await ModelSetup.MaterializeWeightsAsync(context, inputs["weights"], "weights", cancellationToken).ConfigureAwait(false);
        var (report, classes) = await Task.Run(() =>
        {
            ModelSetup.ApplyThreads();
            using var data = ShardedDataset.Open(datasetPath, input.Split);
            var config = ModelSetup.ResolveConfig(input.Config, data.TokensPerSequence);
            using var model = ModelSetup.LoadModel(config, data.ClassCount, weights, context);
            return (Evaluator.Evaluate(model, data, input.Batch, TorchSettings.SelectDevice(input.Device), cancellationToken), data.Info.Classes);
        }, cancellationToken).ConfigureAwait(false);
        if (report.Sequences == 0)
            throw new InvalidDataException($"the dataset's {input.Split.ToString().ToLowerInvariant()} split holds no sequences");
        var metrics = ToJson(report, classes);
        context.Log(metrics.ToJsonString());
        foreach (var (key, value) in report.AsMetrics(""))
            context.LogMetric(key, value, 0);
        await TrainingReports.LogConfusionAsync(context, report, classes, $"{context.StageId}: {input.Split.ToString().ToLowerInvariant()} split", cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode> { ["metrics"] = metrics, ["accuracy"] = JsonValue.Create(report.Accuracy) };
    }

    public static JsonObject ToJson(EvaluationReport report, IReadOnlyList<string> classes)
    {
        var confusion = new JsonArray();
        for (var actual = 0; actual < report.Confusion.GetLength(0); actual++)
            confusion.Add(new JsonArray(Enumerable.Range(0, report.Confusion.GetLength(1)).Select(p => (JsonNode?)JsonValue.Create(report.Confusion[actual, p])).ToArray()));
        return new JsonObject
        {
            ["sequences"] = report.Sequences,
            ["loss"] = OutputValues.Number(report.Loss),
            ["accuracy"] = OutputValues.Number(report.Accuracy),
            ["auroc"] = OutputValues.Number(report.Auroc),
            ["cell-line-accuracy"] = OutputValues.Number(report.CellLineAccuracy),
            ["cell-lines"] = report.CellLines.Count,
            ["classes"] = new JsonArray(classes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["confusion"] = confusion,
        };
    }
}
