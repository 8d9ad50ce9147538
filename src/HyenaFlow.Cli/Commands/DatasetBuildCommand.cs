using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow dataset build</c>: balance the cell lines, cut Algorithm 1 windows, tokenize, write shards.</summary>
public sealed class DatasetBuildCommand : CliCommand
{
    public override string Name => "dataset build";

    public override string Summary => "Build a tokenized dataset of mutated windows (Algorithm 1) from a genome store and a mutation set.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "STORE", "Genome store written by 'genome import'.", Required: true),
        new("mutations", "DIR", "Mutation set directory written by 'mutations import'.", Required: true),
        new("length", "L", "Bases per sequence (the thesis: 1024 or 32768).", Required: true),
        new("seed", "N", "Seed of the selection, the window offsets and the on-disk order.", Required: true),
        new("out", "DIR", "Dataset directory to write (replaced when it holds a previous dataset).", Required: true),
        new("train-lines", "N", "Train cell lines per class.", Default: "70"),
        new("test-lines", "N", "Test cell lines per class.", Default: "20"),
        new("max-per-line", "N", "Draw at most N mutations per train/test line."),
        new("n-as-token", null, "Give N its own token (11) instead of [UNK]."),
        new("include-embedding", null, "Also write the held-out embedding lines as split 'embedding'."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        int length = args.GetInt32("length", 0);
        if (length < 1)
        {
            throw new UsageException($"--length must be at least 1, got {length}.");
        }

        var balance = new BalanceOptions
        {
            TrainLines = AtLeast(args, "train-lines", 70, 1),
            TestLines = AtLeast(args, "test-lines", 20, 0),
            MaxMutationsPerLine = args.Has("max-per-line") ? AtLeast(args, "max-per-line", 0, 1) : null,
        };
        int seed = args.GetInt32("seed", 0);
        MutationSet set = MutationSetStore.Load(args.Require("mutations"));
        BalancedSelection selection = CellLineBalancer.Balance(set, balance, seed);
        using GenomeStore genome = GenomeStore.Open(args.Require("genome"));
        var options = new DatasetBuildOptions { KeepN = args.Flag("n-as-token"), IncludeEmbedding = args.Flag("include-embedding") };
        DatasetInfo info = DatasetBuilder.Build(genome, selection, set.MutationsOf, length, seed, args.Require("out"), context.Progress("dataset build"), options, cancellationToken);
        Print(context.Out, info, args.Require("out"));
        return Task.FromResult(CliApplication.Ok);
    }

    private static void Print(TextWriter o, DatasetInfo info, string directory)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"L = {info.Length:N0} bases ({info.TokensPerSequence:N0} tokens), seed {info.Seed}, {info.MutationsPerLine:N0} mutations per line."));
        o.WriteLine($"{"Split",-10} {"Class",-12} {"Sequences",10}");
        foreach (SplitInfo split in info.Splits)
        {
            foreach (var (name, count) in split.PerClass)
            {
                o.WriteLine(string.Create(inv, $"{split.Name,-10} {name,-12} {count,10:N0}"));
            }

            o.WriteLine(string.Create(inv, $"{split.Name,-10} {"all",-12} {split.Sequences,10:N0}"));
        }

        MutationStatistics m = info.MutationsPerSequence;
        o.WriteLine(string.Create(inv, $"Mutations per sequence: mean {m.Mean:F2}, median {m.Median:F1}, max {m.Max}; {info.SkippedOverlaps:N0} overlapping mutations skipped."));
        o.WriteLine($"Content hash {info.ContentHash}.");
        o.WriteLine($"Wrote {directory}.");
    }

    private static int AtLeast(ParsedArguments args, string name, int fallback, int minimum)
    {
        int value = args.GetInt32(name, fallback);
        return value >= minimum ? value : throw new UsageException($"--{name} must be at least {minimum}, got {value}.");
    }
}
