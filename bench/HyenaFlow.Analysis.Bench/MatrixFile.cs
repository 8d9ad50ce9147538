namespace HyenaFlow.Analysis.Bench;

/// <summary>The exchange format with the umap-js driver: int32 rows, int32 columns, then float32 values row-major (little-endian).</summary>
public static class MatrixFile
{
    public static void Write(string path, float[,] data)
    {
        string temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(data.GetLength(0));
            writer.Write(data.GetLength(1));
            var bytes = new byte[data.Length * sizeof(float)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            writer.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static float[,] Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int rows = reader.ReadInt32(), columns = reader.ReadInt32();
        byte[] bytes = reader.ReadBytes(rows * columns * sizeof(float));
        if (bytes.Length != rows * columns * sizeof(float))
            throw new InvalidDataException($"{path}: expected {rows} × {columns} floats, file is short.");
        var data = new float[rows, columns];
        Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
        return data;
    }
}
