using System.Text;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Plots.Report;

/// <summary>
/// <c>report.md</c>: one page that shows the report's figures in the thesis's order with their captions, the
/// comparison table of the study when given, and links to the other tables, next to the files it names.
/// </summary>
public static class ReportPage
{
    public const string FileName = "report.md";

    private static readonly (string Prefix, string Caption)[] Captions =
    [
        ("mutations-per-cell-line-all", "Mutations per cell line, all lineages (Figure 3.4)"),
        ("mutations-per-cell-line-", "Mutations per cell line of one lineage (Figures 3.2–3.3)"),
        (ThesisReport.ScheduleImage, "Cosine learning-rate schedule with linear warm-up (Figure 3.5)"),
        (ThesisReport.MutationsPerSequenceImage, "Mutations per sequence at each sequence length (Figure 3.6)"),
        (ThesisReport.TrainLossImage, "Train loss (Figure 4.5)"),
        (ThesisReport.ValidationLossImage, "Validation loss (Figure 4.6)"),
        (ThesisReport.ResultsImage, "Top accuracies of the fine-tuning runs (Table 4.1)"),
    ];

    /// <param name="files">The report's files.</param>
    /// <param name="comparison">A Markdown table of the study's arms (the compare stage's), or null.</param>
    /// <param name="plotsFolder">Where the page's readers find the PNGs, relative to the page; null: beside it.</param>
    /// <param name="tablesFolder">Where they find the other files, relative to the page; null: beside it.</param>
    public static void Write(string path, string title, IReadOnlyList<string> files, string? comparison, string? plotsFolder = null, string? tablesFolder = null)
    {
        string Link(string file) =>
            (IsImage(file) ? plotsFolder : tablesFolder) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(file)}" : Path.GetFileName(file);
        var names = files.Select(Link).ToList();
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n");
        if (comparison is { Length: > 0 })
            text.Append("## Comparison of the arms\n\n").Append(comparison.TrimEnd()).Append("\n\n");
        var images = names.Where(IsImage).ToList();
        if (images.Count > 0)
        {
            text.Append("## Figures\n\n");
            foreach (string image in images)
                text.Append("![").Append(CaptionOf(image)).Append("](").Append(image).Append(")\n\n*").Append(CaptionOf(image)).Append("*\n\n");
        }

        var tables = names.Where(n => !IsImage(n)).ToList();
        if (tables.Count > 0)
        {
            text.Append("## Tables\n\n");
            foreach (string table in tables)
                text.Append("- [").Append(table).Append("](").Append(table).Append(")\n");
        }

        AtomicFile.WriteText(path, w => w.Write(text.ToString()));
    }

    private static bool IsImage(string name) => name.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    private static string CaptionOf(string name) =>
        Captions.FirstOrDefault(c => Path.GetFileName(name).StartsWith(c.Prefix, StringComparison.Ordinal)).Caption ?? Path.GetFileNameWithoutExtension(name);
}
