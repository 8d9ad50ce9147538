using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// One row of <c>samples.tsv</c>: where a sequence came from and where its tokens are.
/// <see cref="Mutations"/> are the applied mutations as <c>chrom:pos:ref&gt;alt</c>.
/// </summary>
public sealed record DatasetSample(
    long Id,
    Split Split,
    string CellLine,
    int Label,
    string Chrom,
    long Start,
    long End,
    int Offset,
    IReadOnlyList<string> Mutations,
    string Shard,
    long Row)
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "split", "cell_line", "label", "chrom", "start", "end", "offset", "mutations", "shard", "row"];

    public static string SplitName(Split split) => split switch
    {
        Split.Train => "train",
        Split.Test => "test",
        Split.Embedding => "embedding",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    public static Split ParseSplit(string name) => name switch
    {
        "train" => Split.Train,
        "test" => Split.Test,
        "embedding" => Split.Embedding,
        _ => throw new FormatException($"Unknown split '{name}'; expected train, test or embedding."),
    };
}
