using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Plots.Embedding;

/// <summary>The mutated sequences of a dataset's embedding split (Algorithm 1's output), labelled by cancer type: the experiment's control.</summary>
public static class MutatedSequences
{
    /// <param name="max">Keep at most this many, in manifest order (the dataset's own seeded order); null keeps all.</param>
    public static EmbeddedSequences Read(string datasetDirectory, int? max = null)
    {
        if (max is < 1) throw new ArgumentOutOfRangeException(nameof(max), $"max is {max}; keep at least one mutated sequence.");
        using var reader = DatasetReader.Open(datasetDirectory);
        var points = new List<EmbeddingPoint>();
        var tokens = new List<byte[]>();
        foreach (DatasetSample sample in reader.Samples(Split.Embedding))
        {
            if (points.Count == max) break;
            if (sample.Label < 0 || sample.Label >= reader.Info.Classes.Count)
            {
                throw new DataFormatException(Path.Combine(datasetDirectory, DatasetBuilder.SamplesFile), null,
                    $"sample {sample.Id} has label {sample.Label}, but the dataset has {reader.Info.Classes.Count} classes.");
            }

            points.Add(new EmbeddingPoint(points.Count, sample.Chrom, sample.Start, reader.Info.Classes[sample.Label], sample.CellLine));
            tokens.Add(reader.Tokens(sample).ToArray());
        }

        if (points.Count == 0)
        {
            throw new DataFormatException(Path.Combine(datasetDirectory, DatasetBuilder.SamplesFile), null,
                "the dataset has no sequences in its embedding split; build it with embedding lines to run the cancer-type control.");
        }

        return new EmbeddedSequences(points, tokens);
    }
}
