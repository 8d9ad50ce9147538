using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow dataset inspect</c>: the samples of a dataset with their decoded sequences, as TSV.</summary>
public sealed class DatasetInspectCommand : CliCommand
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "split", "cell_line", "label", "chrom", "start", "end", "offset", "mutations", "sequence"];

    public override string Name => "dataset inspect";

    public override string Summary => "Print a dataset's samples with their mutated sequences (special tokens removed) as TSV.";

    public override IReadOnlyList<ArgumentSpec> Arguments => [new("DIR", "Dataset directory written by 'dataset build'.")];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("format", "FORMAT", "Output format; only tsv.", Default: "tsv"),
        new("split", "SPLIT", "Only this split: train, test or embedding."),
        new("limit", "N", "Print at most N samples."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Get("format") != "tsv")
        {
            throw new UsageException($"--format supports only tsv, got '{args.Get("format")}'.");
        }

        Split? split = null;
        if (args.Get("split") is { } name)
        {
            try
            {
                split = DatasetSample.ParseSplit(name);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        long limit = args.GetInt64("limit", long.MaxValue);
        if (limit < 0)
        {
            throw new UsageException($"--limit must not be negative, got {limit}.");
        }

        using DatasetReader reader = DatasetReader.Open(args.Positionals[0]);
        TextWriter o = context.Out;
        o.WriteLine(string.Join('\t', Columns));
        long written = 0;
        foreach (DatasetSample s in reader.Samples(split))
        {
            if (written++ >= limit)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            string sequence = CharacterTokenizer.Decode(reader.Tokens(s));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Id}\t{DatasetSample.SplitName(s.Split)}\t{s.CellLine}\t{s.Label}\t{s.Chrom}\t{s.Start}\t{s.End}\t{s.Offset}\t{string.Join(';', s.Mutations)}\t{sequence}"));
        }

        return Task.FromResult(CliApplication.Ok);
    }
}
