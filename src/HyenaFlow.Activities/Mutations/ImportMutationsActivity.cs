using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Mutations;

/// <summary>import-mutations@1: DepMap mutations + models against a genome store → mutation set, as
/// `hyenaflow mutations import` does it.</summary>
public sealed class ImportMutationsActivity : IActivity
{
    public sealed record Input(IReadOnlyList<string> Classes, RefMismatchPolicy RefMismatch, bool MedianFilter)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs)
        {
            var classes = InputValues.Strings(inputs, "classes");
            if (classes.Count == 0 || classes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != classes.Count)
                throw new InvalidDataException($"input 'classes' needs distinct lineage names, got [{string.Join(", ", classes)}]");
            var policy = InputValues.String(inputs, "ref-mismatch");
            return new Input(
                classes,
                Enum.TryParse<RefMismatchPolicy>(policy, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new InvalidDataException($"input 'ref-mismatch' must be skip or fail, got '{policy}'"),
                InputValues.Boolean(inputs, "median-filter"));
        }

        public ImportOptions ToOptions() => new() { Classes = Classes, RefMismatch = RefMismatch, MedianFilter = MedianFilter };
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "import-mutations", "1", "mutations", "Clean DepMap somatic mutations (22Q4+) against a genome store into a mutation set of the chosen lineages.",
        [
            new InputDescriptor("mutations", DataType.Artifact, true, null, "OmicsSomaticMutations.csv (plain or gzip)"),
            new InputDescriptor("models", DataType.Artifact, true, null, "Model.csv of the same release"),
            new InputDescriptor("genome", DataType.Artifact, true, null, "genome store from import-genome"),
            new InputDescriptor("classes", DataType.ArrayOf(DataType.String), false, new JsonArray("Lung", "Lymphoid"), "OncotreeLineage values to keep, in label order"),
            new InputDescriptor("ref-mismatch", DataType.String, false, JsonValue.Create("skip"), "skip (drop and report) or fail when Ref differs from the genome"),
            new InputDescriptor("median-filter", DataType.Boolean, false, JsonValue.Create(true), "drop lines at or below the median mutation count, as the thesis does"),
        ],
        [
            new OutputDescriptor("mutations", DataType.Artifact, "the mutation set directory"),
            new OutputDescriptor("summary", DataType.String, "the import report in words"),
            new OutputDescriptor("kept", DataType.Integer, "mutations kept after the filters"),
            new OutputDescriptor("lines", DataType.Integer, "cell lines kept"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        var mutations = await context.MaterializeAsync(inputs["mutations"], "OmicsSomaticMutations.csv", cancellationToken).ConfigureAwait(false);
        var models = await context.MaterializeAsync(inputs["models"], "Model.csv", cancellationToken).ConfigureAwait(false);
        var genomePath = await context.MaterializeAsync(inputs["genome"], "genome.hfg", cancellationToken).ConfigureAwait(false);
        var output = Path.Combine(context.WorkingDirectory, "mutations");
        var set = await Task.Run(() =>
        {
            using IReferenceGenome genome = GenomeStore.Open(genomePath);
            var imported = MutationImporter.Import(mutations, models, genome, input.ToOptions(), ActivityProgress.Of(context), cancellationToken);
            MutationSetStore.Save(imported, output);
            return imported;
        }, cancellationToken).ConfigureAwait(false);
        var summary = set.Report.ToSummary();
        context.Log(summary);
        return new Dictionary<string, JsonNode>
        {
            ["mutations"] = await context.PutArtifactAsync(output, cancellationToken).ConfigureAwait(false),
            ["summary"] = JsonValue.Create(summary),
            ["kept"] = JsonValue.Create(set.Report.MutationsAfterFilter),
            ["lines"] = JsonValue.Create(set.CellLines.Count),
        };
    }
}
