namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// Streams the rows of a C-order .npy array to disk with bounded memory. The row count is known only
/// at the end, so the header is reserved at full size and rewritten on <see cref="Complete"/>; until
/// then the file has a temporary name, so a crash never leaves a valid-looking half array.
/// </summary>
public sealed class NpyWriter : IDisposable
{
    private readonly string path;
    private readonly string temporaryPath;
    private readonly string descr;
    private readonly long[] rowShape;
    private readonly int headerSize;
    private readonly FileStream stream;
    private bool completed;

    /// <param name="descr">numpy dtype, e.g. <c>|u1</c>.</param>
    /// <param name="rowShape">Dimensions of one row (empty for a vector of scalars).</param>
    public NpyWriter(string path, string descr, ReadOnlySpan<long> rowShape)
    {
        this.path = path;
        this.descr = descr;
        this.rowShape = rowShape.ToArray();
        temporaryPath = path + ".partial";
        int itemSize = new NpyHeader(descr, false, [], 0).ItemSize;
        long rowElements = 1;
        foreach (long d in rowShape)
        {
            rowElements *= d;
        }

        RowBytes = checked((int)(rowElements * itemSize));
        headerSize = NpyHeader.Encode(descr, Shape(long.MaxValue)).Length;
        stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        stream.Write(NpyHeader.Encode(descr, Shape(0), headerSize));
    }

    public int RowBytes { get; }

    public long Rows { get; private set; }

    public void WriteRow(ReadOnlySpan<byte> row)
    {
        if (row.Length != RowBytes)
        {
            throw new ArgumentException($"A row of this array has {RowBytes} bytes, not {row.Length}.", nameof(row));
        }

        stream.Write(row);
        Rows++;
    }

    /// <summary>Writes the final header and gives the file its real name.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        stream.Position = 0;
        stream.Write(NpyHeader.Encode(descr, Shape(Rows), headerSize));
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        File.Move(temporaryPath, path, overwrite: true);
        completed = true;
    }

    public void Dispose()
    {
        if (!completed)
        {
            stream.Dispose();
            File.Delete(temporaryPath);
            completed = true;
        }
    }

    private long[] Shape(long rows) => [rows, .. rowShape];
}
