using System.Globalization;
using System.Text;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>A titled set of <see cref="MutationCountSummary"/> rows, printable as an aligned text table.</summary>
public sealed record MutationStatsTable(string Title, IReadOnlyList<MutationCountSummary> Rows)
{
    public string ToText()
    {
        string[] header = ["Type", "Lines", "Mutations", "Min", "Max", "Avg", "Median"];
        List<string[]> cells = [header, .. Rows.Select(Cells)];
        int[] widths = Enumerable.Range(0, header.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder().AppendLine(Title);
        foreach (string[] row in cells)
        {
            // The group name reads left-aligned, the figures right-aligned so digits line up.
            var line = new StringBuilder(row[0].PadRight(widths[0]));
            for (int c = 1; c < row.Length; c++)
            {
                line.Append("  ").Append(row[c].PadLeft(widths[c]));
            }

            text.AppendLine(line.ToString());
        }

        return text.ToString();
    }

    private static string[] Cells(MutationCountSummary row) =>
    [
        row.Group,
        row.Lines.ToString("N0", CultureInfo.InvariantCulture),
        row.Mutations.ToString("N0", CultureInfo.InvariantCulture),
        row.Min?.ToString(CultureInfo.InvariantCulture) ?? "-",
        row.Max?.ToString(CultureInfo.InvariantCulture) ?? "-",
        row.Average?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
        row.Median?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-",
    ];
}
