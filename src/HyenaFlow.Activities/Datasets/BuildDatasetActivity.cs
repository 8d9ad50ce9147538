using System.Text.Json.Nodes;
using HyenaFlow.Activities.Mutations;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Datasets;

/// <summary>build-dataset@1: Algorithm 1 windows, tokenized into shards, as `hyenaflow dataset build` writes them.
/// Given a <c>selection</c> (from select-cell-lines) it uses that split; otherwise it balances the lines itself
/// with the balance inputs and the seed, exactly as the CLI does.</summary>
public sealed class BuildDatasetActivity : IActivity
{
    public sealed record Input(int Length, int Seed, BalanceOptions Balance, DatasetBuildOptions Options)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs) => new(
            InputValues.Int32(inputs, "length", minimum: 1),
            InputValues.Int32(inputs, "seed"),
            BalanceInputs.Read(inputs),
            new DatasetBuildOptions { KeepN = InputValues.Boolean(inputs, "n-as-token"), IncludeEmbedding = InputValues.Boolean(inputs, "include-embedding") });
    }

    public sealed record Output(JsonNode Dataset, DatasetInfo Info)
    {
        public IReadOnlyDictionary<string, JsonNode> ToJson() => new Dictionary<string, JsonNode>
        {
            ["dataset"] = Dataset,
            ["content-hash"] = JsonValue.Create(Info.ContentHash),
            ["length"] = JsonValue.Create(Info.Length),
            ["train-sequences"] = JsonValue.Create(Info.Split("train")?.Sequences ?? 0),
            ["test-sequences"] = JsonValue.Create(Info.Split("test")?.Sequences ?? 0),
        };
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "build-dataset", "1", "datasets", "Build a tokenized dataset of mutated windows (Algorithm 1) from a genome store and a mutation set.",
        [
            new InputDescriptor("genome", DataType.Artifact, true, null, "genome store from import-genome"),
            new InputDescriptor("mutations", DataType.Artifact, true, null, "mutation set from import-mutations"),
            new InputDescriptor("selection", DataType.Artifact, false, null, "selection from select-cell-lines; without it the lines are balanced here"),
            new InputDescriptor("length", DataType.Integer, true, null, "bases per sequence (the thesis: 1024 or 32768)"),
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(1), "seed of the selection, the window offsets and the on-disk order"),
            .. BalanceInputs.Descriptors,
            new InputDescriptor("n-as-token", DataType.Boolean, false, JsonValue.Create(false), "give N its own token instead of [UNK]"),
            new InputDescriptor("include-embedding", DataType.Boolean, false, JsonValue.Create(false), "also write the held-out embedding lines as split 'embedding'"),
        ],
        [
            new OutputDescriptor("dataset", DataType.Artifact, "the dataset directory"),
            new OutputDescriptor("content-hash", DataType.String, "SHA-256 over the dataset's files"),
            new OutputDescriptor("length", DataType.Integer, "bases per sequence"),
            new OutputDescriptor("train-sequences", DataType.Integer, "sequences in the train split"),
            new OutputDescriptor("test-sequences", DataType.Integer, "sequences in the test split"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var genomePath = await context.MaterializeAsync(inputs["genome"], "genome.hfg", cancellationToken).ConfigureAwait(false);
        var mutations = await context.MaterializeAsync(inputs["mutations"], "mutations", cancellationToken).ConfigureAwait(false);
        var selectionPath = InputValues.IsSet(inputs, "selection")
            ? await context.MaterializeAsync(inputs["selection"], "selection", cancellationToken).ConfigureAwait(false)
            : null;
        var output = Path.Combine(context.WorkingDirectory, "dataset");
        var info = await Task.Run(() =>
        {
            var set = MutationSetStore.Load(mutations);
            var selection = selectionPath is null ? CellLineBalancer.Balance(set, input.Balance, input.Seed) : BalancedSelectionStore.Load(selectionPath);
            using var genome = GenomeStore.Open(genomePath);
            return DatasetBuilder.Build(genome, selection, set.MutationsOf, input.Length, input.Seed, output, ActivityProgress.Of(context), input.Options, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        context.Log($"L = {info.Length}, seed {info.Seed}, {info.MutationsPerLine} mutations per line; "
            + string.Join("; ", info.Splits.Select(s => $"{s.Name} {s.Sequences}")) + $"; content hash {info.ContentHash}");
        return new Output(await context.PutArtifactAsync(output, cancellationToken).ConfigureAwait(false), info).ToJson();
    }
}
