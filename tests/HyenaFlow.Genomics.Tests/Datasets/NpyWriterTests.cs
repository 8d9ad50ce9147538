using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Datasets;

public sealed class NpyWriterTests
{
    [Fact]
    public void NumpyReadsWhatWeWrite()
    {
        using var dir = new TempDirectory("npy");
        using (var matrix = new NpyWriter(dir.File("m.npy"), "|u1", [3]))
        {
            for (byte r = 0; r < 5; r++)
            {
                matrix.WriteRow([r, (byte)(r + 1), (byte)(r + 2)]);
            }

            Assert.False(File.Exists(dir.File("m.npy")));
            matrix.Complete();
        }

        using (var vector = new NpyWriter(dir.File("v.npy"), "<i8", []))
        {
            vector.WriteRow(BitConverter.GetBytes(-3L));
            vector.WriteRow(BitConverter.GetBytes(1L << 40));
            vector.Complete();
        }

        string output = Python.Run($"import numpy; m=numpy.load('{dir.File("m.npy")}'); v=numpy.load('{dir.File("v.npy")}'); print(m.dtype, m.shape, m.flags['C_CONTIGUOUS'], m[4].tolist(), v.dtype, v.shape, v.tolist())");
        Assert.Equal("uint8 (5, 3) True [4, 5, 6] int64 (2,) [-3, 1099511627776]", output.Trim());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.partial"));
    }

    [Fact]
    public void AbandonedWriterLeavesNothing()
    {
        using var dir = new TempDirectory("npy");
        using (var writer = new NpyWriter(dir.File("x.npy"), "|u1", [2]))
        {
            writer.WriteRow([1, 2]);
        }

        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void HeaderRoundTripsAndIsAligned()
    {
        byte[] header = NpyHeader.Encode("|u1", [12345, 1026]);
        Assert.Equal(0, header.Length % 64);
        NpyHeader parsed = NpyHeader.Parse(header, "x.npy");
        Assert.Equal([12345L, 1026L], parsed.Shape);
        Assert.Equal("|u1", parsed.Descr);
        Assert.Equal(header.Length, parsed.DataOffset);
    }
}
