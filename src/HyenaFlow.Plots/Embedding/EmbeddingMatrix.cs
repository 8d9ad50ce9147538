using System.Buffers.Binary;
using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Datasets;

namespace HyenaFlow.Plots.Embedding;

/// <summary>Embeddings as a float32 .npy of n × d, the format `model embed` and the embed stages write.</summary>
public static class EmbeddingMatrix
{
    /// <summary>Writes <paramref name="vectors"/> atomically (the file appears only when complete).</summary>
    public static void Write(string path, float[,] vectors)
    {
        int width = vectors.GetLength(1);
        using var writer = new NpyWriter(path, "<f4", [width]);
        var row = new byte[width * sizeof(float)];
        for (int i = 0; i < vectors.GetLength(0); i++)
        {
            for (int j = 0; j < width; j++) BinaryPrimitives.WriteSingleLittleEndian(row.AsSpan(j * sizeof(float)), vectors[i, j]);
            writer.WriteRow(row);
        }

        writer.Complete();
    }

    /// <summary>Reads a C-order float32 .npy of two dimensions; anything else is a <see cref="DataFormatException"/> naming the file.</summary>
    public static float[,] Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such embeddings file.", path);
        byte[] bytes = File.ReadAllBytes(path);
        NpyHeader header = NpyHeader.Parse(bytes, path);
        if (header.Descr != "<f4" || header.FortranOrder || header.Shape.Count != 2)
        {
            throw new DataFormatException(path, null,
                $"holds a {(header.FortranOrder ? "Fortran-order " : "")}'{header.Descr}' array of shape ({string.Join(", ", header.Shape)}); expected float32 ('<f4') embeddings of shape (n, d) as 'model embed' writes them.");
        }

        long rows = header.Shape[0], columns = header.Shape[1];
        if (rows * columns * sizeof(float) > bytes.Length - header.DataOffset)
        {
            throw new DataFormatException(path, null,
                $"the header promises {rows} × {columns} float32 values but the file holds only {bytes.Length - header.DataOffset} bytes of data (cut short?).");
        }

        var vectors = new float[rows, columns];
        Buffer.BlockCopy(bytes, header.DataOffset, vectors, 0, checked((int)(rows * columns * sizeof(float))));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Reading .npy embeddings needs a little-endian machine.");
        return vectors;
    }
}
