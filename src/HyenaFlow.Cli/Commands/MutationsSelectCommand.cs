using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow mutations select</c>: the seeded, balanced split of cell lines and the centres drawn from each.</summary>
public sealed class MutationsSelectCommand : CliCommand
{
    public override string Name => "mutations select";

    public override string Summary => "Split cell lines per class into train/test/embedding and draw the same number of mutations from every train/test line.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("mutations", "DIR", "Mutation set directory written by 'mutations import'.", Required: true),
        new("seed", "N", "Seed of the shuffle and the draws.", Required: true),
        new("out", "DIR", "Selection directory to write.", Required: true),
        new("train-lines", "N", "Train cell lines per class.", Default: "70"),
        new("test-lines", "N", "Test cell lines per class.", Default: "20"),
        new("max-per-line", "N", "Draw at most N mutations per train/test line (default: the smallest line's count)."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var options = new BalanceOptions
        {
            TrainLines = Positive(args, "train-lines", 70, minimum: 1),
            TestLines = Positive(args, "test-lines", 20, minimum: 0),
            MaxMutationsPerLine = args.Has("max-per-line") ? Positive(args, "max-per-line", 0, minimum: 1) : null,
        };
        int seed = args.GetInt32("seed", 0);
        MutationSet set = MutationSetStore.Load(args.Require("mutations"));
        BalancedSelection selection = CellLineBalancer.Balance(set, options, seed);
        string output = args.Require("out");
        BalancedSelectionStore.Save(selection, output);

        TextWriter o = context.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed {seed}: {selection.MutationsPerLine:N0} mutations per train/test line."));
        o.WriteLine($"{"Class",-12} {"Label",5} {"Train",6} {"Test",6} {"Embed",6} {"Train mut.",11} {"Test mut.",10}");
        for (int label = 0; label < selection.Classes.Count; label++)
        {
            var lines = selection.CellLines.Where(l => l.Label == label).ToList();
            int Count(Split split) => lines.Count(l => l.Split == split);
            long Centres(Split split) => lines.Where(l => l.Split == split).Sum(l => (long)l.Centres.Count);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{selection.Classes[label],-12} {label,5} {Count(Split.Train),6} {Count(Split.Test),6} {Count(Split.Embedding),6} {Centres(Split.Train),11:N0} {Centres(Split.Test),10:N0}"));
        }

        o.WriteLine($"Wrote {output}.");
        return Task.FromResult(CliApplication.Ok);
    }

    private static int Positive(ParsedArguments args, string name, int fallback, int minimum)
    {
        int value = args.GetInt32(name, fallback);
        return value >= minimum ? value : throw new UsageException($"--{name} must be at least {minimum}, got {value}.");
    }
}
