using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Mutations;

/// <summary>select-cell-lines@1: the seeded, balanced split of cell lines and the centres drawn from each, as
/// `hyenaflow mutations select` makes it.</summary>
public sealed class SelectCellLinesActivity : IActivity
{
    public sealed record Input(int Seed, BalanceOptions Balance)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs) => new(
            InputValues.Int32(inputs, "seed"),
            BalanceInputs.Read(inputs));
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "select-cell-lines", "1", "mutations", "Split cell lines per class into train/test/embedding and draw the same number of mutations from every train/test line.",
        [
            new InputDescriptor("mutations", DataType.Artifact, true, null, "mutation set from import-mutations"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(1), "seed of the shuffle and the draws"),
            .. BalanceInputs.Descriptors,
        ],
        [
            new OutputDescriptor("selection", DataType.Artifact, "the selection directory"),
            new OutputDescriptor("mutations-per-line", DataType.Integer, "mutations drawn from every train/test line"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var mutations = await context.MaterializeAsync(inputs["mutations"], "mutations", cancellationToken).ConfigureAwait(false);
        var output = Path.Combine(context.WorkingDirectory, "selection");
        var selection = await Task.Run(() =>
        {
            var balanced = CellLineBalancer.Balance(MutationSetStore.Load(mutations), input.Balance, input.Seed);
            BalancedSelectionStore.Save(balanced, output);
            return balanced;
        }, cancellationToken).ConfigureAwait(false);
        context.Log($"seed {input.Seed}: {selection.MutationsPerLine} mutations per train/test line, {selection.CellLines.Count} lines");
        return new Dictionary<string, JsonNode>
        {
            ["selection"] = await context.PutArtifactAsync(output, cancellationToken).ConfigureAwait(false),
            ["mutations-per-line"] = JsonValue.Create(selection.MutationsPerLine),
        };
    }
}
