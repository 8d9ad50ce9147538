using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow mutations import</c>: DepMap OmicsSomaticMutations.csv + Model.csv → cleaned mutation set.</summary>
public sealed class MutationsImportCommand : CliCommand
{
    public override string Name => "mutations import";

    public override string Summary => "Clean DepMap somatic mutations (22Q4+) against a genome store into a mutation set of the chosen lineages.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("mutations", "CSV", "OmicsSomaticMutations.csv (plain or gzip) from DepMap 22Q4 or later.", Required: true),
        new("models", "CSV", "Model.csv of the same release (lineage, Non-Cancerous mark).", Required: true),
        new("genome", "GENOME", "Genome store written by 'genome import'.", Required: true),
        new("out", "DIR", "Mutation set directory to write.", Required: true),
        new("classes", "LIST", "OncotreeLineage values to keep, in label order.", Default: "Lung,Lymphoid"),
        new("ref-mismatch", "POLICY", "skip (drop and report) or fail when Ref differs from the genome.", Default: "skip"),
        new("no-median-filter", null, "Keep lines at or below the aggregated median mutation count (the thesis drops them)."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var classes = args.Require("classes").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (classes.Length == 0 || classes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != classes.Length)
        {
            throw new UsageException($"--classes needs distinct lineage names separated by commas, e.g. Lung,Lymphoid; got '{args.Require("classes")}'.");
        }

        var options = new ImportOptions
        {
            Classes = classes,
            RefMismatch = args.GetEnum("ref-mismatch", RefMismatchPolicy.Skip),
            MedianFilter = !args.Flag("no-median-filter"),
        };
        string mutations = RequireFile(args.Require("mutations"), "Mutations CSV");
        string models = RequireFile(args.Require("models"), "Model CSV");
        string genomePath = RequireFile(args.Require("genome"), "Genome store");
        string output = args.Require("out");

        var clock = Stopwatch.StartNew();
        using IReferenceGenome genome = GenomeStore.Open(genomePath);
        MutationSet set = MutationImporter.Import(mutations, models, genome, options, context.Progress("mutations import"), cancellationToken);
        MutationSetStore.Save(set, output);
        context.Out.Write(set.Report.ToSummary());
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {output} in {clock.Elapsed.TotalSeconds:N1} s."));
        return Task.FromResult(CliApplication.Ok);
    }

    private static string RequireFile(string path, string what) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{what} '{path}' does not exist.", path);
}
