using System.Globalization;
using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// <c>points.tsv</c>: where each row of an embeddings file came from (point, chromosome, start, length,
/// cancer_type, cell_line), row i describing embedding row i, so that a later stage can label the map.
/// </summary>
public static class EmbeddingPointsTable
{
    public const string FileName = "points.tsv";

    public static readonly IReadOnlyList<string> Columns = ["point", "chromosome", "start", "length", "cancer_type", "cell_line"];

    public static void Write(string path, IReadOnlyList<EmbeddingPoint> points, int length)
    {
        var inv = CultureInfo.InvariantCulture;
        AtomicFile.WriteText(path, writer =>
        {
            var table = new DelimitedWriter(writer);
            table.WriteRow([.. Columns]);
            foreach (EmbeddingPoint p in points)
                table.WriteRow(p.Id.ToString(inv), p.Chromosome, p.Start.ToString(inv), length.ToString(inv), p.CancerType ?? "", p.CellLine ?? "");
        });
    }

    /// <summary>The points in file order and their common length; a malformed row is a <see cref="DataFormatException"/> naming its line.</summary>
    public static (IReadOnlyList<EmbeddingPoint> Points, int Length) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such points table.", path);
        using var reader = CsvReader.Open(path, '\t');
        int[] at = reader.RequireColumns([.. Columns]);
        var points = new List<EmbeddingPoint>();
        int? length = null;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            long id = Whole(reader, at[0], "point", line, path);
            if (id != points.Count) throw new DataFormatException(path, line, $"point {id} is out of order; expected point {points.Count} (rows must follow the embeddings' rows).");
            string chromosome = reader.GetString(at[1]);
            if (chromosome.Length == 0) throw new DataFormatException(path, line, "the chromosome is empty.");
            long start = Whole(reader, at[2], "start", line, path);
            long rowLength = Whole(reader, at[3], "length", line, path);
            if (start < 0 || rowLength is < 1 or > int.MaxValue) throw new DataFormatException(path, line, $"start {start} and length {rowLength}; expected a start ≥ 0 and a length ≥ 1.");
            if (length is { } l && l != rowLength) throw new DataFormatException(path, line, $"length {rowLength} differs from the {l} of the rows before; every sequence of a set has one length.");
            length = (int)rowLength;
            string cancer = reader.GetString(at[4]), cellLine = reader.GetString(at[5]);
            points.Add(new EmbeddingPoint(points.Count, chromosome, start, cancer.Length > 0 ? cancer : null, cellLine.Length > 0 ? cellLine : null));
        }

        return points.Count > 0 ? (points, length!.Value) : throw new DataFormatException(path, null, "the points table has no rows.");
    }

    private static long Whole(CsvReader reader, int column, string name, long line, string path) =>
        long.TryParse(reader[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new DataFormatException(path, line, $"{name} '{reader.GetString(column)}' is not a whole number.");
}
