using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Synthesis;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Data;

/// <summary>synth-data@1: the offline stand-in for the downloads, as `hyenaflow data synth` makes it.</summary>
public sealed class SynthDataActivity : IActivity
{
    public sealed record Input(long Seed, string Profile, double Signal)
    {
        public static Input From(IReadOnlyDictionary<string, JsonNode> inputs) => new(
            InputValues.Int64(inputs, "seed"),
            InputValues.String(inputs, "profile"),
            InputValues.Double(inputs, "signal"));
    }

    public ActivityDescriptor Descriptor { get; } = new(
        "synth-data", "1", "data", "Generate a synthetic genome, mutations and cell-line models (offline, deterministic for a seed).",
        [
            new InputDescriptor("seed", DataType.Integer, false, JsonValue.Create(42), "seed; the same seed gives byte-identical files"),
            new InputDescriptor("profile", DataType.String, false, JsonValue.Create("demo"), "demo (3 x 2 Mbp) or small (22 x 1 Mbp)"),
            new InputDescriptor("signal", DataType.Number, false, JsonValue.Create(0.7), "share of cancer SNVs from the lineage's process, 0 to 1"),
        ],
        [
            new OutputDescriptor("fasta", DataType.Artifact, "the genome FASTA"),
            new OutputDescriptor("mutations", DataType.Artifact, "somatic mutations CSV in DepMap's layout"),
            new OutputDescriptor("models", DataType.Artifact, "cell-line models CSV in DepMap's layout"),
        ],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var input = Input.From(inputs);
        if (!Enum.TryParse<SynthesisProfile>(input.Profile, ignoreCase: true, out var profile))
            throw new InvalidDataException($"profile '{input.Profile}' is not one of {string.Join(", ", Enum.GetNames<SynthesisProfile>()).ToLowerInvariant()}");
        if (input.Signal is < 0 or > 1 || double.IsNaN(input.Signal))
            throw new InvalidDataException($"signal must lie between 0 and 1, got {input.Signal}");
        var options = SynthesisOptions.For(profile, input.Seed) with { Signal = input.Signal };
        var folder = Path.Combine(context.WorkingDirectory, "synth");
        var progress = new Progress<Genomics.ProgressReport>();
        var summary = await Task.Run(() => SyntheticDataGenerator.Generate(options, folder, progress), cancellationToken).ConfigureAwait(false);
        context.Log($"genome {summary.SequenceCount} sequences, {summary.GenomeBases} bp; {summary.MutationRows} mutation rows; {summary.ModelCount} models");
        return new Dictionary<string, JsonNode>
        {
            ["fasta"] = await context.PutArtifactAsync(summary.GenomePath, cancellationToken).ConfigureAwait(false),
            ["mutations"] = await context.PutArtifactAsync(summary.MutationsPath, cancellationToken).ConfigureAwait(false),
            ["models"] = await context.PutArtifactAsync(summary.ModelsPath, cancellationToken).ConfigureAwait(false),
        };
    }
}
