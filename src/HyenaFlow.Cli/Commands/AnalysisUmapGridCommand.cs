using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Cli.Commands.Model;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Plots.Embedding;
using TorchSharp;

namespace HyenaFlow.Cli.Commands;

public sealed class AnalysisUmapGridCommand : CliCommand
{
    public override string Name => "analysis umap-grid";

    public override string Summary => "The embedding experiment: embed reference windows of the first three chromosomes, UMAP over the n_neighbors × min_dist grid, grid PNGs and coordinates.tsv.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("genome", "STORE", "Genome store written by 'genome import'.", Required: true),
        new("weights", "PATH", "Pre-trained model weights (any format HyenaFlow reads).", Required: true),
        new("out", "DIR", "Folder for the grid PNGs and coordinates.tsv.", Required: true),
        new("length", "L", "Bases per reference window.", Default: "1024"),
        new("per-chromosome", "N", "Reference windows per chromosome (the thesis: 3 × 1,320 = 3,960).", Default: "1320"),
        new("chromosomes", "LIST", "Comma-separated chromosomes to sample (default: the genome's first three)."),
        new("dataset", "DIR", "Dataset built with --include-embedding: its embedding split is the cancer-type control."),
        new("max-mutated", "N", "Use at most N mutated sequences of the dataset."),
        new("epochs", "N", "UMAP layout epochs per setting (default: umap-learn's, 500 up to 10,000 points)."),
        new("seed", "N", "Seed of the window positions and of every UMAP fit.", Default: "42"),
        new("neighbors", "LIST", "n_neighbors values of the grid.", Default: "5,10,20,50,100,200"),
        new("min-dist", "LIST", "min_dist values of the grid.", Default: "0.0,0.1,0.25,0.5,0.8,0.99"),
        new("bin-width", "BASES", "Width of the position bins (default: the window length)."),
        new("width", "PX", "Width of each grid image.", Default: "2400"),
        new("height", "PX", "Height of each grid image.", Default: "2500"),
        ModelOptions.Config, ModelOptions.Batch, ModelOptions.Device, ModelOptions.Threads,
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ModelOptions.Apply(args);
        var options = new EmbeddingExperimentOptions
        {
            Length = Positive(args, "length", 1024),
            PerChromosome = Positive(args, "per-chromosome", 1320),
            Chromosomes = args.Get("chromosomes") is { } list ? List(list) : null,
            Dataset = args.Get("dataset"),
            MaxMutated = args.Has("max-mutated") ? Positive(args, "max-mutated", 0) : null,
            Epochs = args.Has("epochs") ? Positive(args, "epochs", 0) : null,
            Seed = args.GetInt32("seed", 42),
            Grid = new UmapGrid(
                [.. List(args.Get("neighbors") ?? "5,10,20,50,100,200").Select(v => Number(v, "neighbors", s => int.Parse(s, CultureInfo.InvariantCulture)))],
                [.. List(args.Get("min-dist") ?? "0.0,0.1,0.25,0.5,0.8,0.99").Select(v => Number(v, "min-dist", s => float.Parse(s, CultureInfo.InvariantCulture)))]),
            BinWidth = args.Has("bin-width") ? args.GetInt64("bin-width", 0) : null,
            BatchSize = Positive(args, "batch", 8),
            ImageWidth = Positive(args, "width", 2400),
            ImageHeight = Positive(args, "height", 2500),
        };

        string genomePath = args.Require("genome");
        string weights = args.Require("weights");
        if (!File.Exists(weights) && !Directory.Exists(weights)) throw new IOException($"{weights}: no such weights file.");
        using var genome = GenomeStore.Open(genomePath);
        int tokens = options.Length + 2;
        if (options.Dataset is { } dataset)
        {
            using var reader = DatasetReader.Open(dataset);
            tokens = Math.Max(tokens, reader.TokensPerSequence);
        }

        HyenaDnaConfig config = ModelOptions.ResolveConfig(args, tokens);
        using var model = new HyenaDnaModel(config);
        context.Error.WriteLine($"weights: {PretrainedWeights.Load(weights, model)}");
        var device = TorchSettings.SelectDevice(args.Require("device"));
        model.to(device);

        var result = EmbeddingExperiment.Run(genome, model, args.Require("out"), options, device, context.Progress("umap-grid"), cancellationToken);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embedded {result.ReferencePoints:N0} reference windows and {result.MutatedPoints:N0} mutated sequences with {config.Name} in {result.EmbeddingTime.TotalSeconds:F1} s; {result.Settings} UMAP settings in {result.UmapTime.TotalSeconds:F1} s"));
        context.Out.WriteLine($"coloured bins: {string.Join(", ", result.ColouredBins)}");
        foreach (var set in result.Quality.Where(q => q.Trustworthiness is not null).GroupBy(q => q.Set))
        {
            var best = set.MaxBy(q => q.Trustworthiness)!;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trustworthiness@10 of the {set.Key} set: best {best.Trustworthiness:F4} at {best.Setting.Title}"));
        }

        foreach (string image in result.Images) context.Out.WriteLine($"wrote {image}");
        context.Out.WriteLine($"wrote {result.CoordinatesPath}");
        if (result.QualityPath is { } qualityPath) context.Out.WriteLine($"wrote {qualityPath}");
        return Task.FromResult(CliApplication.Ok);
    }

    private static int Positive(ParsedArguments args, string name, int fallback)
    {
        int value = args.GetInt32(name, fallback);
        return value >= 1 ? value : throw new UsageException($"--{name} must be at least 1, got {value}.");
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static T Number<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new UsageException($"--{option} expects comma-separated numbers, got '{text}'.");
        }
    }
}
