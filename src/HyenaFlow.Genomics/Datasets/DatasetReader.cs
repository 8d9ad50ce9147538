using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// Opens a dataset directory written by <see cref="DatasetBuilder"/>: its description, its sample
/// manifest and its token rows, memory-mapped so that training reads rows without loading shards.
/// Rows of a split are numbered 0 … Count−1 across its shards in order. Spans returned stay valid
/// until the reader is disposed.
/// </summary>
public sealed class DatasetReader : IDisposable
{
    private readonly Dictionary<Split, SplitShards> splits = [];
    private readonly Dictionary<string, MappedNpy> tokensByShard = new(StringComparer.Ordinal);

    private DatasetReader(string directory, DatasetInfo info)
    {
        Directory = directory;
        Info = info;
    }

    public string Directory { get; }

    public DatasetInfo Info { get; }

    /// <summary>Tokens per row: L + 2.</summary>
    public int TokensPerSequence => Info.TokensPerSequence;

    public static DatasetReader Open(string directory)
    {
        string infoPath = Path.Combine(directory, DatasetBuilder.InfoFile);
        if (!File.Exists(infoPath))
        {
            throw new FileNotFoundException($"{directory} is not a dataset: {DatasetBuilder.InfoFile} is missing.", infoPath);
        }

        DatasetInfo info;
        try
        {
            info = JsonSerializer.Deserialize<DatasetInfo>(File.ReadAllText(infoPath), DatasetBuilder.Json)
                ?? throw new DataFormatException(infoPath, null, "empty dataset description.");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(infoPath, e.LineNumber + 1, $"not a dataset description: {e.Message}", e);
        }

        if (info.Format != DatasetInfo.FormatName || info.Version != 1)
        {
            throw new DataFormatException(infoPath, null, $"format '{info.Format}' version {info.Version}; expected '{DatasetInfo.FormatName}' version 1.");
        }

        var reader = new DatasetReader(directory, info);
        try
        {
            foreach (SplitInfo split in info.Splits)
            {
                reader.splits[DatasetSample.ParseSplit(split.Name)] = reader.MapSplit(split);
            }
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader;
    }

    /// <summary>Rows in a split (0 for a split the dataset does not have).</summary>
    public long Count(Split split) => splits.TryGetValue(split, out var s) ? s.Rows : 0;

    /// <summary>The L + 2 token ids of a row.</summary>
    public ReadOnlySpan<byte> Tokens(Split split, long row)
    {
        (MappedNpy tokens, _, long local) = Locate(split, row);
        return tokens.Row(local);
    }

    /// <summary>The class label of a row.</summary>
    public long Label(Split split, long row)
    {
        (_, MappedNpy labels, long local) = Locate(split, row);
        return BinaryPrimitives.ReadInt64LittleEndian(labels.Row(local));
    }

    /// <summary>The tokens of a manifest row, found through its shard file and row.</summary>
    public ReadOnlySpan<byte> Tokens(DatasetSample sample) =>
        tokensByShard.TryGetValue(sample.Shard, out var shard)
            ? shard.Row(sample.Row)
            : throw new DataFormatException(Path.Combine(Directory, DatasetBuilder.SamplesFile), null, $"sample {sample.Id} names shard '{sample.Shard}', which {DatasetBuilder.InfoFile} does not list.");

    /// <summary>Streams <c>samples.tsv</c>, optionally one split only.</summary>
    public IEnumerable<DatasetSample> Samples(Split? split = null)
    {
        string path = Path.Combine(Directory, DatasetBuilder.SamplesFile);
        using var lines = new StreamReader(path);
        string? header = lines.ReadLine();
        if (header != string.Join('\t', DatasetSample.Columns))
        {
            throw new DataFormatException(path, 1, $"header '{header}' is not '{string.Join('\t', DatasetSample.Columns).Replace('\t', ' ')}' (tab-separated).");
        }

        long lineNumber = 1;
        while (lines.ReadLine() is { } line)
        {
            lineNumber++;
            DatasetSample sample = ParseSample(path, lineNumber, line);
            if (split is null || sample.Split == split)
            {
                yield return sample;
            }
        }
    }

    public void Dispose()
    {
        foreach (SplitShards split in splits.Values)
        {
            foreach (var (tokens, labels, _) in split.Shards)
            {
                tokens.Dispose();
                labels.Dispose();
            }
        }

        splits.Clear();
        tokensByShard.Clear();
    }

    private SplitShards MapSplit(SplitInfo split)
    {
        var shards = new List<(MappedNpy Tokens, MappedNpy Labels, long FirstRow)>();
        long rows = 0;
        try
        {
            foreach (ShardInfo shard in split.Shards)
            {
                var tokens = new MappedNpy(Path.Combine(Directory, shard.Tokens));
                MappedNpy labels;
                try
                {
                    labels = new MappedNpy(Path.Combine(Directory, shard.Labels));
                }
                catch
                {
                    tokens.Dispose();
                    throw;
                }

                shards.Add((tokens, labels, rows));
                Check(shard, tokens, labels);
                tokensByShard[shard.Tokens] = tokens;
                rows += tokens.Rows;
            }
        }
        catch
        {
            shards.ForEach(s => { s.Tokens.Dispose(); s.Labels.Dispose(); });
            throw;
        }

        return new SplitShards(shards, rows);
    }

    private void Check(ShardInfo shard, MappedNpy tokens, MappedNpy labels)
    {
        string path = Path.Combine(Directory, shard.Tokens);
        if (tokens.Header.Descr != "|u1" || tokens.Header.Shape.Count != 2 || tokens.Header.Shape[1] != TokensPerSequence)
        {
            throw new DataFormatException(path, null, $"expected a uint8 matrix of {TokensPerSequence} columns, found dtype {tokens.Header.Descr} shape ({string.Join(", ", tokens.Header.Shape)}).");
        }

        if (labels.Header.Descr != "<i8" || labels.Rows != tokens.Rows || tokens.Rows != shard.Rows)
        {
            throw new DataFormatException(path, null, $"{DatasetBuilder.InfoFile} lists {shard.Rows} rows; tokens hold {tokens.Rows}, labels ({labels.Header.Descr}) {labels.Rows}.");
        }
    }

    private (MappedNpy Tokens, MappedNpy Labels, long Row) Locate(Split split, long row)
    {
        if (!splits.TryGetValue(split, out var s) || row < 0 || row >= s.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Row {row} is outside the {Count(split)} rows of split {split}.");
        }

        var shards = s.Shards;
        int lo = 0;
        int hi = shards.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (shards[mid].FirstRow <= row)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (shards[lo].Tokens, shards[lo].Labels, row - shards[lo].FirstRow);
    }

    private static DatasetSample ParseSample(string path, long lineNumber, string line)
    {
        string[] f = line.Split('\t');
        if (f.Length != DatasetSample.Columns.Count)
        {
            throw new DataFormatException(path, lineNumber, $"{f.Length} columns; expected {DatasetSample.Columns.Count}.");
        }

        try
        {
            var inv = CultureInfo.InvariantCulture;
            return new DatasetSample(
                long.Parse(f[0], inv),
                DatasetSample.ParseSplit(f[1]),
                f[2],
                int.Parse(f[3], inv),
                f[4],
                long.Parse(f[5], inv),
                long.Parse(f[6], inv),
                int.Parse(f[7], inv),
                f[8].Length == 0 ? [] : f[8].Split(';'),
                f[9],
                long.Parse(f[10], inv));
        }
        catch (FormatException e)
        {
            throw new DataFormatException(path, lineNumber, $"a number or split name does not parse: {e.Message}", e);
        }
    }

    private sealed record SplitShards(List<(MappedNpy Tokens, MappedNpy Labels, long FirstRow)> Shards, long Rows);
}
