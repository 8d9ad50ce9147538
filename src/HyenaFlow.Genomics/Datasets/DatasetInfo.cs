namespace HyenaFlow.Genomics.Datasets;

/// <summary>The content of a dataset's <c>dataset.json</c>: how it was built and what it holds.</summary>
/// <param name="Length">L, bases per sequence; every token row has L + 2 tokens ([CLS] … [SEP]).</param>
/// <param name="Seed">Seed of the window offsets and the on-disk order.</param>
/// <param name="ContentHash">SHA-256 over the names and SHA-256s of every other file of the dataset.</param>
public sealed record DatasetInfo(
    string Format,
    int Version,
    int Length,
    int TokensPerSequence,
    int Seed,
    int SelectionSeed,
    int MutationsPerLine,
    int? MaxPerLine,
    IReadOnlyList<string> Classes,
    TokenizerInfo Tokenizer,
    IReadOnlyList<SplitInfo> Splits,
    MutationStatistics MutationsPerSequence,
    long SkippedOverlaps,
    string ContentHash)
{
    public const string FormatName = "hyenaflow-dataset";

    public SplitInfo? Split(string name) => Splits.FirstOrDefault(s => s.Name == name);
}

/// <summary>How token ids were made, so that a reader can decode them without this code.</summary>
public sealed record TokenizerInfo(string Kind, IReadOnlyList<string> Vocabulary, bool KeepN, string Padding, string Layout);

/// <summary>One split: its sequences per class and its shards in row order.</summary>
public sealed record SplitInfo(string Name, long Sequences, IReadOnlyDictionary<string, long> PerClass, MutationStatistics MutationsPerSequence, IReadOnlyList<ShardInfo> Shards);

/// <summary>A shard: <paramref name="Tokens"/> (uint8, rows × (L + 2)) and <paramref name="Labels"/> (int64, rows).</summary>
public sealed record ShardInfo(string Tokens, string Labels, long Rows);

/// <summary>How many mutations were applied per sequence.</summary>
public sealed record MutationStatistics(double Mean, double Median, int Max, IReadOnlyList<HistogramBin> Histogram)
{
    public static MutationStatistics From(IReadOnlyDictionary<int, long> counts)
    {
        long total = counts.Values.Sum();
        var bins = counts.OrderBy(c => c.Key).Select(c => new HistogramBin(c.Key, c.Value)).ToList();
        if (total == 0)
        {
            return new MutationStatistics(0, 0, 0, bins);
        }

        double mean = bins.Sum(b => (double)b.Mutations * b.Sequences) / total;
        return new MutationStatistics(Math.Round(mean, 6), (Quantile(bins, (total - 1) / 2) + Quantile(bins, total / 2)) / 2.0, bins[^1].Mutations, bins);
    }

    private static int Quantile(List<HistogramBin> bins, long rank)
    {
        long seen = 0;
        foreach (HistogramBin bin in bins)
        {
            seen += bin.Sequences;
            if (rank < seen)
            {
                return bin.Mutations;
            }
        }

        return bins[^1].Mutations;
    }
}

/// <summary><paramref name="Sequences"/> sequences carry exactly <paramref name="Mutations"/> applied mutations.</summary>
public sealed record HistogramBin(int Mutations, long Sequences);
