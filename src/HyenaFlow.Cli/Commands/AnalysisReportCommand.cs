using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Plots.Report;

namespace HyenaFlow.Cli.Commands;

public sealed class AnalysisReportCommand : CliCommand
{
    public override string Name => "analysis report";

    public override string Summary => "The thesis's other figures: mutations per cell line and per sequence, loss curves, the cosine schedule, and the results table (results.md + results.png).";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("out", "DIR", "Folder for the figures.", Required: true),
        new("mutations", "DIR", "Mutation set from 'mutations import': mutations per cell line by lineage (Figures 3.2–3.4)."),
        new("dataset", "DIR", "Dataset (repeat, e.g. the 1,024 and 32,768 bp ones): mutations per sequence (Figure 3.6).", Repeatable: true),
        new("metrics", "FILE", "Metrics JSON lines of a training run (repeat): loss curves, schedule, results table.", Repeatable: true),
        new("width", "PX", "Width of each figure.", Default: "1000"),
        new("height", "PX", "Height of each figure.", Default: "650"),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        int width = args.GetInt32("width", 1000);
        int height = args.GetInt32("height", 650);
        if (width < 200 || height < 150) throw new UsageException($"--width and --height must be at least 200 × 150 pixels, got {width} × {height}.");
        MutationSet? mutations = args.Get("mutations") is { } directory ? MutationSetStore.Load(directory) : null;
        var inputs = new ThesisReportInputs(mutations, args.All("dataset"), args.All("metrics")) { Width = width, Height = height };
        foreach (string file in ThesisReport.Write(inputs, args.Require("out"))) context.Out.WriteLine($"wrote {file}");
        return Task.FromResult(CliApplication.Ok);
    }
}
