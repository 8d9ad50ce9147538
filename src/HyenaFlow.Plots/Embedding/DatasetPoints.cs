using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// The points of a dataset split in row order (its shards one after another), the order in which `model embed`
/// and the embed stage write their rows, labelled with chromosome, start, cancer type and cell line.
/// </summary>
public static class DatasetPoints
{
    /// <returns>The points and the dataset's sequence length L.</returns>
    public static (IReadOnlyList<EmbeddingPoint> Points, int Length) Read(string datasetDirectory, Split split)
    {
        using var reader = DatasetReader.Open(datasetDirectory);
        string manifest = Path.Combine(datasetDirectory, DatasetBuilder.SamplesFile);
        string name = DatasetSample.SplitName(split);
        var info = reader.Info.Split(name);
        if (info is null || reader.Count(split) == 0)
        {
            throw new DataFormatException(Path.Combine(datasetDirectory, DatasetBuilder.InfoFile), null,
                $"the dataset has no '{name}' rows; it holds {string.Join(", ", reader.Info.Splits.Select(s => $"{s.Name} ({s.Sequences})"))}.");
        }

        var firstRow = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        foreach (ShardInfo shard in info.Shards)
        {
            firstRow[shard.Tokens] = rows;
            rows += shard.Rows;
        }

        var points = new EmbeddingPoint?[rows];
        foreach (DatasetSample sample in reader.Samples(split))
        {
            if (!firstRow.TryGetValue(sample.Shard, out long first) || sample.Row < 0 || first + sample.Row >= rows)
                throw new DataFormatException(manifest, null, $"sample {sample.Id} points at {sample.Shard} row {sample.Row}, which the {name} split does not have.");
            if (sample.Label < 0 || sample.Label >= reader.Info.Classes.Count)
                throw new DataFormatException(manifest, null, $"sample {sample.Id} has label {sample.Label}, but the dataset has {reader.Info.Classes.Count} classes.");
            long row = first + sample.Row;
            points[row] = new EmbeddingPoint((int)row, sample.Chrom, sample.Start, reader.Info.Classes[sample.Label], sample.CellLine);
        }

        int missing = Array.FindIndex(points, p => p is null);
        if (missing >= 0) throw new DataFormatException(manifest, null, $"no sample describes row {missing} of the {name} split.");
        return ([.. points.Select(p => p!)], reader.Info.Length);
    }
}
