using System.Globalization;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// <c>coordinates.tsv</c>: one row per point per UMAP setting, with every label the figures use, so the
/// plots can be redrawn elsewhere: set, n_neighbors, min_dist, point, chromosome, start, position_bin,
/// cancer_type, cell_line, x, y.
/// </summary>
public static class CoordinatesTable
{
    public static readonly IReadOnlyList<string> Columns =
        ["set", "n_neighbors", "min_dist", "point", "chromosome", "start", "position_bin", "cancer_type", "cell_line", "x", "y"];

    /// <param name="sets">Each point set (e.g. "reference", "mutated") with its points and grid results.</param>
    public static void Write(string path, long binWidth, IEnumerable<(string Name, IReadOnlyList<EmbeddingPoint> Points, IReadOnlyList<UmapGridCell> Cells)> sets)
    {
        var inv = CultureInfo.InvariantCulture;
        AtomicFile.WriteText(path, writer =>
        {
            var table = new DelimitedWriter(writer);
            table.WriteRow([.. Columns]);
            foreach (var (name, points, cells) in sets)
            {
                foreach (UmapGridCell cell in cells)
                {
                    string neighbors = cell.Setting.NeighborCount.ToString(inv);
                    string minDist = cell.Setting.MinDistance.ToString("R", inv);
                    foreach (EmbeddingPoint p in points)
                    {
                        table.WriteRow(
                            name, neighbors, minDist, p.Id.ToString(inv), p.Chromosome, p.Start.ToString(inv),
                            PointLabelling.BinLabel(p, binWidth), p.CancerType ?? "", p.CellLine ?? "",
                            cell.Coordinates[p.Id, 0].ToString("R", inv), cell.Coordinates[p.Id, 1].ToString("R", inv));
                    }
                }
            }
        });
    }
}
