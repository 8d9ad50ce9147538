using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Engine.Data;

/// <summary>
/// One split of a HyenaFlow dataset directory (<c>dataset.json</c>, memory-mapped uint8 token shards,
/// int64 label shards, <c>samples.tsv</c>). Rows are paged in by the OS on demand; the cell line of
/// each row is read from <c>samples.tsv</c> the first time one is asked for.
/// </summary>
public sealed class ShardedDataset : ISequenceDataset, IDisposable
{
    private readonly DatasetReader reader;
    private readonly Split split;
    private string?[]? cellLines;

    private ShardedDataset(DatasetReader reader, Split split)
    {
        this.reader = reader;
        this.split = split;
        Count = reader.Count(split);
    }

    /// <summary>Opens <paramref name="split"/> of the dataset in <paramref name="directory"/>.</summary>
    public static ShardedDataset Open(string directory, Split split)
    {
        var reader = DatasetReader.Open(directory);
        if (reader.Count(split) == 0)
        {
            reader.Dispose();
            throw new DataFormatException(Path.Combine(directory, DatasetBuilder.InfoFile), null,
                $"the dataset has no '{DatasetSample.SplitName(split)}' rows; it holds {string.Join(", ", reader.Info.Splits.Select(s => $"{s.Name} ({s.Sequences})"))}.");
        }
        return new ShardedDataset(reader, split);
    }

    public DatasetInfo Info => reader.Info;

    public string Directory => reader.Directory;

    public long Count { get; }

    public int TokensPerSequence => reader.TokensPerSequence;

    public int ClassCount => reader.Info.Classes.Count;

    public void CopyTokens(long row, Span<long> destination)
    {
        var source = reader.Tokens(split, row);
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    public long Label(long row) => reader.Label(split, row);

    public string? CellLine(long row) => (cellLines ??= ReadCellLines())[row];

    public void Dispose() => reader.Dispose();

    private string?[] ReadCellLines()
    {
        // Rows of a split run through its shards in order; a manifest row names its shard and local row.
        var firstRow = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        foreach (var shard in reader.Info.Split(DatasetSample.SplitName(split))!.Shards)
        {
            firstRow[shard.Tokens] = rows;
            rows += shard.Rows;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal); // one string per cell line
        var lines = new string?[Count];
        foreach (var sample in reader.Samples(split))
        {
            if (!firstRow.TryGetValue(sample.Shard, out var first) || sample.Row >= Count - first)
                throw new DataFormatException(Path.Combine(Directory, DatasetBuilder.SamplesFile), null, $"sample {sample.Id} points at {sample.Shard} row {sample.Row}, which the {DatasetSample.SplitName(split)} split does not have.");
            if (!names.TryGetValue(sample.CellLine, out var name)) names[sample.CellLine] = name = sample.CellLine;
            lines[first + sample.Row] = name;
        }
        return lines;
    }
}
