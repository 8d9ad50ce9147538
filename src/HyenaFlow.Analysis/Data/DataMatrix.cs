namespace HyenaFlow.Analysis.Data;

/// <summary>Rows of equal length stored contiguously (row-major), checked to be finite.</summary>
internal sealed class DataMatrix
{
    private DataMatrix(float[] values, int rows, int columns)
    {
        Values = values;
        Rows = rows;
        Columns = columns;
    }

    public float[] Values { get; }

    public int Rows { get; }

    public int Columns { get; }

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public static DataMatrix From(float[,] data, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(data, name);
        int rows = data.GetLength(0), columns = data.GetLength(1);
        var values = new float[rows * columns];
        Buffer.BlockCopy(data, 0, values, 0, values.Length * sizeof(float));
        return Checked(values, rows, columns, name);
    }

    public static DataMatrix From(float[][] data, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(data, name);
        int rows = data.Length;
        int columns = rows == 0 ? 0 : data[0]?.Length ?? 0;
        var values = new float[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            float[]? row = data[r];
            if (row is null)
                throw new ArgumentException($"{name}: row {r} is null.", name);
            if (row.Length != columns)
                throw new ArgumentException($"{name}: row {r} has {row.Length} values but row 0 has {columns}; all rows must have the same length.", name);
            row.CopyTo(values, r * columns);
        }

        return Checked(values, rows, columns, name);
    }

    public static DataMatrix From(ReadOnlySpan<float> data, int rows, int columns, string name = "data")
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentException($"{name}: shape {rows} × {columns} is negative.", name);
        if ((long)rows * columns != data.Length)
            throw new ArgumentException($"{name}: {data.Length} values cannot be {rows} rows × {columns} columns.", name);
        return Checked(data.ToArray(), rows, columns, name);
    }

    private static DataMatrix Checked(float[] values, int rows, int columns, string name)
    {
        if (rows == 0 || columns == 0)
            throw new ArgumentException($"{name} is empty ({rows} rows × {columns} columns); UMAP needs at least one row with at least one value.", name);
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                string what = float.IsNaN(values[i]) ? "NaN" : values[i] > 0 ? "+Infinity" : "-Infinity";
                throw new ArgumentException($"{name} has {what} at row {i / columns}, column {i % columns}; every value must be finite.", name);
            }
        }

        return new DataMatrix(values, rows, columns);
    }
}
