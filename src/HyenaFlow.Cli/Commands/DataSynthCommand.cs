using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Synthesis;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow data synth</c>: an offline stand-in for GRCh38 + DepMap in the real formats, with a known ground truth.</summary>
public sealed class DataSynthCommand : CliCommand
{
    public override string Name => "data synth";

    public override string Summary => "Generate a synthetic genome.fna.gz, OmicsSomaticMutations.csv and Model.csv with lineage-specific mutational processes.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("out", "DIR", "Folder to write the files into (created if missing).", Required: true),
        new("seed", "N", "Seed; the same seed gives byte-identical files.", Default: "42"),
        new("profile", "demo|small", "demo: 3 × 2 Mbp, ~100 lines (seconds); small: 22 × 1 Mbp, thesis-sized cohort.", Default: "demo"),
        new("signal", "S", "Share of cancer SNVs from the lineage's process, 0 (none) to 1.", Default: "0.7"),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        long seed = args.GetInt64("seed", 42);
        SynthesisProfile profile = args.GetEnum("profile", SynthesisProfile.Demo);
        double signal = args.GetDouble("signal", 0.7);
        if (signal is < 0 or > 1 || double.IsNaN(signal))
        {
            throw new UsageException($"--signal must lie between 0 and 1, got {args.Get("signal")}.");
        }

        SynthesisOptions options = SynthesisOptions.For(profile, seed) with { Signal = signal };
        SynthesisSummary s = SyntheticDataGenerator.Generate(options, args.Require("out"), context.Progress("data synth"));
        TextWriter o = context.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Synthetic data (profile {profile.ToString().ToLowerInvariant()}, seed {s.Seed}, signal {signal}):"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  genome     {s.GenomePath}  ({s.SequenceCount} sequences, {s.GenomeBases:N0} bp)"));
        o.WriteLine($"  checksums  {s.ChecksumsPath}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  mutations  {s.MutationsPath}  ({s.MutationRows:N0} rows)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  models     {s.ModelsPath}  ({s.ModelCount} models: {s.LungLines} Lung, {s.LymphoidLines} Lymphoid, {s.NonCancerousLines} Non-Cancerous, {s.OtherLines} other)"));
        o.WriteLine($"  truth      {s.GroundTruthPath}");
        return Task.FromResult(CliApplication.Ok);
    }
}
