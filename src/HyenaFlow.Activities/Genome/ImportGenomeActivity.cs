using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Genome;

/// <summary>import-genome@1: FASTA → cleaned 2-bit genome store, as `hyenaflow genome import` does it.</summary>
public sealed class ImportGenomeActivity : IActivity
{
    public sealed record Input(string Fasta, string Keep)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs) => new(
            InputValues.String(inputs, "fasta"),
            InputValues.String(inputs, "keep"));
    }

    public sealed record Output(JsonNode Genome, string Stats, long Bases, int Sequences)
    {
        public IReadOnlyDictionary<string, JsonNode> ToJson() => new Dictionary<string, JsonNode>
        {
            ["genome"] = Genome,
            ["stats"] = JsonValue.Create(Stats),
            ["bases"] = JsonValue.Create(Bases),
            ["sequences"] = JsonValue.Create(Sequences),
        };
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "import-genome", "1", "genome", "Clean a reference FASTA (plain, gzip or BGZF) into a 2-bit genome store.",
        [
            new InputDescriptor("fasta", DataType.Artifact, true, null, "the reference FASTA"),
            new InputDescriptor("keep", DataType.String, false, JsonValue.Create("autosomes"), "autosomes, primary (chr1-22, X, Y, M) or a list such as chr1,chr2"),
        ],
        [
            new OutputDescriptor("genome", DataType.Artifact, "the genome store (.hfg)"),
            new OutputDescriptor("stats", DataType.String, "per-base counts in the shape of Table 3.1"),
            new OutputDescriptor("bases", DataType.Integer, "bases kept"),
            new OutputDescriptor("sequences", DataType.Integer, "sequences kept"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        ChromosomeSelection keep;
        try
        {
            keep = ChromosomeSelection.Parse(input.Keep);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidDataException($"input 'keep': {e.Message}");
        }

        // The importer detects gzip and BGZF from the bytes, so the file name needs no extension.
        var fasta = await context.MaterializeAsync(inputs["fasta"], "genome.fa", cancellationToken).ConfigureAwait(false);
        var store = Path.Combine(context.WorkingDirectory, "genome.hfg");
        var summary = await Task.Run(
            () => FastaImporter.Import(fasta, store, new GenomeImportOptions { Keep = keep }, ActivityProgress.Of(context), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        context.Log($"kept {summary.Kept.Count} sequence(s), {summary.Stats.Total.Total} bases; skipped {summary.Skipped.Count}");
        var output = new Output(
            await context.PutArtifactAsync(store, cancellationToken).ConfigureAwait(false),
            summary.Stats.ToTable(),
            summary.Stats.Total.Total,
            summary.Kept.Count);
        return output.ToJson();
    }
}
