using System.Globalization;
using System.Text;
using System.Text.Json;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// A <see cref="MutationSet"/> on disk: a directory with <c>cell_lines.tsv</c> (every line before the
/// median filter, with its count and whether it was kept), <c>mutations.tsv</c> (the kept lines'
/// mutations) and <c>report.json</c>. Written atomically; loading checks every row.
/// </summary>
public static class MutationSetStore
{
    public const string CellLinesFile = "cell_lines.tsv";
    public const string MutationsFile = "mutations.tsv";
    public const string ReportFile = "report.json";

    private static readonly string[] CellLineColumns = ["model_id", "name", "lineage", "mutation_count", "kept"];
    private static readonly string[] MutationColumns = ["cell_line", "chrom", "pos", "ref", "alt", "type"];

    public static void Save(MutationSet set, string directory)
    {
        AtomicDirectory.Write(directory, ReportFile, temp =>
        {
            using (var writer = Create(Path.Combine(temp, CellLinesFile)))
            {
                var tsv = new DelimitedWriter(writer);
                tsv.WriteRow(CellLineColumns);
                foreach (CellLine line in set.LinesBeforeMedianFilter)
                {
                    tsv.WriteRow(line.ModelId, line.Name, line.Lineage, line.MutationCount.ToString(CultureInfo.InvariantCulture), set.Contains(line.ModelId) ? "yes" : "no");
                }
            }

            using (var writer = Create(Path.Combine(temp, MutationsFile)))
            {
                var tsv = new DelimitedWriter(writer);
                tsv.WriteRow(MutationColumns);
                foreach (CellLine line in set.CellLines)
                {
                    foreach (Mutation m in set.MutationsOf(line.ModelId))
                    {
                        tsv.WriteRow(m.CellLine, m.Chrom, m.Pos.ToString(CultureInfo.InvariantCulture), m.Ref, m.Alt, m.Type.ToString());
                    }
                }
            }

            File.WriteAllText(Path.Combine(temp, ReportFile), set.Report.ToJson(), new UTF8Encoding(false));
        });
    }

    public static MutationSet Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Mutation set '{directory}' does not exist; create it with 'mutations import'.");
        }

        ImportReport report = LoadReport(Path.Combine(directory, ReportFile));
        var (before, kept) = LoadCellLines(Path.Combine(directory, CellLinesFile), report.Classes);
        var mutations = LoadMutations(Path.Combine(directory, MutationsFile), kept);
        return new MutationSet(report.Classes, kept, mutations, before, report);
    }

    private static StreamWriter Create(string path) =>
        new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);

    private static ImportReport LoadReport(string path)
    {
        RequireFile(path);
        try
        {
            ImportReport report = ImportReport.FromJson(File.ReadAllText(path));
            return report.Classes is { Count: > 0 }
                ? report
                : throw new DataFormatException(path, null, "the report lists no classes.");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.LineNumber + 1, $"not a valid import report: {e.Message}", e);
        }
    }

    private static (List<CellLine> Before, List<CellLine> Kept) LoadCellLines(string path, IReadOnlyList<string> classes)
    {
        RequireFile(path);
        using var tsv = CsvReader.Open(path, '\t');
        int[] c = tsv.RequireColumns(CellLineColumns);
        var before = new List<CellLine>();
        var kept = new List<CellLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (tsv.Read())
        {
            string modelId = tsv.GetString(c[0]);
            string lineage = tsv.GetString(c[2]);
            if (modelId.Length == 0 || !seen.Add(modelId))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"model_id '{modelId}' is empty or repeated.");
            }

            if (!classes.Contains(lineage))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"lineage '{lineage}' is not one of the report's classes ({string.Join(", ", classes)}).");
            }

            if (!int.TryParse(tsv[c[3]], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"mutation_count '{tsv.GetString(c[3])}' is not a whole number.");
            }

            var line = new CellLine(modelId, tsv.GetString(c[1]), lineage, count);
            before.Add(line);
            switch (tsv.GetString(c[4]))
            {
                case "yes":
                    kept.Add(line);
                    break;
                case "no":
                    break;
                default:
                    throw new DataFormatException(path, tsv.LineNumber, $"kept is '{tsv.GetString(c[4])}'; expected yes or no.");
            }
        }

        return (before, kept);
    }

    private static Dictionary<string, IReadOnlyList<Mutation>> LoadMutations(string path, List<CellLine> kept)
    {
        RequireFile(path);
        var lists = kept.ToDictionary(l => l.ModelId, _ => new List<Mutation>(), StringComparer.Ordinal);
        var chromosomes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var tsv = CsvReader.Open(path, '\t');
        int[] c = tsv.RequireColumns(MutationColumns);
        while (tsv.Read())
        {
            string cellLine = tsv.GetString(c[0]);
            if (!lists.TryGetValue(cellLine, out var list))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"cell_line '{cellLine}' is not a kept line of {CellLinesFile}.");
            }

            string chrom = tsv.GetString(c[1]);
            chrom = chromosomes.TryGetValue(chrom, out string? shared) ? shared : chromosomes[chrom] = chrom;
            var mutation = MutationRow.Read(tsv, c, path, cellLine, chrom);
            if (list.Count > 0 && MutationOrder.Instance.Compare(list[^1], mutation) >= 0)
            {
                throw new DataFormatException(path, tsv.LineNumber, $"{mutation.Notation} of {cellLine} is out of order or repeated after {list[^1].Notation}; rows must be sorted by chromosome and position.");
            }

            list.Add(mutation);
        }

        foreach (CellLine line in kept)
        {
            if (lists[line.ModelId].Count != line.MutationCount)
            {
                throw new DataFormatException(path, null, $"{line.ModelId} has {lists[line.ModelId].Count} mutations here but {CellLinesFile} says {line.MutationCount}; the set is incomplete or corrupt.");
            }
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<Mutation>)p.Value, StringComparer.Ordinal);
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, $"missing; a mutation set directory holds {CellLinesFile}, {MutationsFile} and {ReportFile}.");
        }
    }
}
