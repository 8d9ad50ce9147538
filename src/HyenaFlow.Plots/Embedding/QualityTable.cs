using System.Globalization;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Plots.Embedding;

/// <summary><c>trustworthiness.tsv</c>: set, n_neighbors, min_dist and trustworthiness@k (empty when the set is too small), one row per setting.</summary>
public static class QualityTable
{
    public const string FileName = "trustworthiness.tsv";

    public static void Write(string path, IReadOnlyList<SettingQuality> quality, int k)
    {
        var inv = CultureInfo.InvariantCulture;
        AtomicFile.WriteText(path, writer =>
        {
            var table = new DelimitedWriter(writer);
            table.WriteRow("set", "n_neighbors", "min_dist", $"trustworthiness_at_{k.ToString(inv)}");
            foreach (var q in quality)
            {
                table.WriteRow(q.Set, q.Setting.NeighborCount.ToString(inv), q.Setting.MinDistanceText,
                    q.Trustworthiness is { } t ? t.ToString("F6", inv) : "");
            }
        });
    }
}
