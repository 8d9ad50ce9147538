using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Mutations;

/// <summary>The balance options select-cell-lines and build-dataset share, with the CLI's defaults (70/20, no cap).</summary>
internal static class BalanceInputs
{
    public static IReadOnlyList<InputDescriptor> Descriptors { get; } =
    [
        new InputDescriptor("train-lines", DataType.Integer, false, JsonValue.Create(70), "train cell lines per class"),
        new InputDescriptor("test-lines", DataType.Integer, false, JsonValue.Create(20), "test cell lines per class"),
        new InputDescriptor("max-per-line", DataType.Integer, false, JsonValue.Create(0), "draw at most N mutations per train/test line; 0: the smallest line's count"),
    ];

    public static BalanceOptions Read(IReadOnlyDictionary<string, JsonNode> inputs)
    {
        var cap = InputValues.Int32(inputs, "max-per-line", minimum: 0);
        return new BalanceOptions
        {
            TrainLines = InputValues.Int32(inputs, "train-lines", minimum: 1),
            TestLines = InputValues.Int32(inputs, "test-lines", minimum: 0),
            MaxMutationsPerLine = cap == 0 ? null : cap,
        };
    }
}
