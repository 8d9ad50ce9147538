namespace HyenaFlow.Analysis.Data;

/// <summary>
/// The input rows prepared for fast comparison. Searches rank by a cheaper "reduced" distance that orders
/// points the same way (squared Euclidean; 1 − dot of unit rows for cosine) and convert only the results.
/// </summary>
internal sealed class PointSpace
{
    private readonly float[] _values;

    public PointSpace(DataMatrix data, DistanceMetric metric)
    {
        Metric = metric;
        Count = data.Rows;
        Dimensions = data.Columns;
        _values = metric == DistanceMetric.Cosine ? UnitRows(data) : data.Values;
    }

    public DistanceMetric Metric { get; }

    public int Count { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> Row(int i) => _values.AsSpan(i * Dimensions, Dimensions);

    public float Reduced(int i, int j) => Metric == DistanceMetric.Cosine
        ? Math.Max(0f, 1f - VectorMath.Dot(Row(i), Row(j)))
        : VectorMath.SquaredDistance(Row(i), Row(j));

    public float ToTrue(float reduced) => Metric == DistanceMetric.Cosine ? reduced : MathF.Sqrt(reduced);

    // A zero row stays zero, so it is at cosine distance 1 from everything (pynndescent says 0 between two zero rows).
    private static float[] UnitRows(DataMatrix data)
    {
        var unit = new float[data.Values.Length];
        for (int r = 0; r < data.Rows; r++)
        {
            ReadOnlySpan<float> row = data.Row(r);
            float norm = MathF.Sqrt(VectorMath.Dot(row, row));
            Span<float> target = unit.AsSpan(r * data.Columns, data.Columns);
            if (norm > 0)
                for (int c = 0; c < row.Length; c++)
                    target[c] = row[c] / norm;
        }

        return unit;
    }
}
