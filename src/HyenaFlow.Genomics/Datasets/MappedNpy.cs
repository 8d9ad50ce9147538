using System.IO.MemoryMappedFiles;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>A read-only memory-mapped .npy file: the OS pages rows in on demand, nothing is copied up front.</summary>
internal sealed unsafe class MappedNpy : IDisposable
{
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* basePointer;
    private readonly long fileLength;

    public MappedNpy(string path)
    {
        fileLength = new FileInfo(path).Length;
        file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        basePointer = pointer + view.PointerOffset;
        Header = NpyHeader.Parse(new ReadOnlySpan<byte>(basePointer, (int)Math.Min(fileLength, 1 << 16)), path);
        if (Header.FortranOrder || Header.Shape.Count == 0)
        {
            throw new DataFormatException(path, null, "expected a C-order array with at least one dimension.");
        }

        Rows = Header.Shape[0];
        long rowElements = 1;
        for (int i = 1; i < Header.Shape.Count; i++)
        {
            rowElements *= Header.Shape[i];
        }

        RowBytes = checked((int)(rowElements * Header.ItemSize));
        if (Header.DataOffset + Rows * RowBytes > fileLength)
        {
            throw new DataFormatException(path, null, $"the header promises {Rows} rows of {RowBytes} bytes but the file holds only {fileLength - Header.DataOffset} bytes of data.");
        }
    }

    public NpyHeader Header { get; }

    public long Rows { get; }

    public int RowBytes { get; }

    public ReadOnlySpan<byte> Row(long row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return new ReadOnlySpan<byte>(basePointer + Header.DataOffset + row * RowBytes, RowBytes);
    }

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }
}
