using System.Buffers.Binary;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// Writes one split as numbered shards: <c>{split}-00000.npy</c> (uint8 tokens, rows × width) beside
/// <c>{split}-00000.labels.npy</c> (int64), opening the next pair when a shard is full.
/// </summary>
internal sealed class ShardSetWriter : IDisposable
{
    private readonly string directory;
    private readonly string split;
    private readonly int width;
    private readonly int rowsPerShard;
    private readonly List<ShardInfo> shards = [];
    private readonly byte[] labelBytes = new byte[8];
    private NpyWriter? tokens;
    private NpyWriter? labels;

    public ShardSetWriter(string directory, string split, int width, DatasetBuildOptions options)
    {
        this.directory = directory;
        this.split = split;
        this.width = width;
        long byBytes = Math.Max(1, options.MaxShardBytes / width);
        rowsPerShard = (int)Math.Max(1, Math.Min(options.MaxShardRows, byBytes));
    }

    public IReadOnlyList<ShardInfo> Shards => shards;

    /// <summary>Writes one row; returns the shard (tokens file name) and row it went to.</summary>
    public (string Shard, long Row) Append(ReadOnlySpan<byte> row, long label)
    {
        if (tokens is null || tokens.Rows == rowsPerShard)
        {
            CloseShard();
            tokens = new NpyWriter(Path.Combine(directory, TokensName(shards.Count)), "|u1", [width]);
            labels = new NpyWriter(Path.Combine(directory, LabelsName(shards.Count)), "<i8", []);
        }

        tokens.WriteRow(row);
        BinaryPrimitives.WriteInt64LittleEndian(labelBytes, label);
        labels!.WriteRow(labelBytes);
        return (TokensName(shards.Count), tokens.Rows - 1);
    }

    /// <summary>Closes the open shard; the split is then complete.</summary>
    public void Complete() => CloseShard();

    public void Dispose()
    {
        tokens?.Dispose();
        labels?.Dispose();
    }

    private void CloseShard()
    {
        if (tokens is null)
        {
            return;
        }

        tokens.Complete();
        labels!.Complete();
        shards.Add(new ShardInfo(TokensName(shards.Count), LabelsName(shards.Count), tokens.Rows));
        tokens = null;
        labels = null;
    }

    private string TokensName(int index) => $"{split}-{index:D5}.npy";

    private string LabelsName(int index) => $"{split}-{index:D5}.labels.npy";
}
