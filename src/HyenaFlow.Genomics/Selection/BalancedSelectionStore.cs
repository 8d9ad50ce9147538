using System.Globalization;
using System.Text;
using System.Text.Json;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Selection;

/// <summary>
/// A <see cref="BalancedSelection"/> on disk, so the select stage and the dataset stage can run apart:
/// <c>selection.tsv</c> (model_id, lineage, label, split), <c>centres.tsv</c> (model_id, chrom, pos,
/// ref, alt, type) and <c>selection.json</c> (classes, mutations per line, seed). Written atomically.
/// </summary>
public static class BalancedSelectionStore
{
    public const string SelectionFile = "selection.tsv";
    public const string CentresFile = "centres.tsv";
    public const string MetadataFile = "selection.json";

    private static readonly string[] SelectionColumns = ["model_id", "lineage", "label", "split"];
    private static readonly string[] CentreColumns = ["model_id", "chrom", "pos", "ref", "alt", "type"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Save(BalancedSelection selection, string directory)
    {
        AtomicDirectory.Write(directory, MetadataFile, temp =>
        {
            var metadata = new Metadata(selection.Classes, selection.MutationsPerLine, selection.Seed);
            File.WriteAllText(Path.Combine(temp, MetadataFile), JsonSerializer.Serialize(metadata, Json), new UTF8Encoding(false));
            using (var writer = Create(Path.Combine(temp, SelectionFile)))
            {
                var tsv = new DelimitedWriter(writer);
                tsv.WriteRow(SelectionColumns);
                foreach (SelectedCellLine line in selection.CellLines)
                {
                    tsv.WriteRow(line.ModelId, line.Lineage, line.Label.ToString(CultureInfo.InvariantCulture), line.Split.ToString().ToLowerInvariant());
                }
            }

            using (var writer = Create(Path.Combine(temp, CentresFile)))
            {
                var tsv = new DelimitedWriter(writer);
                tsv.WriteRow(CentreColumns);
                foreach (SelectedCellLine line in selection.CellLines)
                {
                    foreach (Mutation m in line.Centres)
                    {
                        tsv.WriteRow(line.ModelId, m.Chrom, m.Pos.ToString(CultureInfo.InvariantCulture), m.Ref, m.Alt, m.Type.ToString());
                    }
                }
            }
        });
    }

    public static BalancedSelection Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Selection '{directory}' does not exist; create it with 'mutations select'.");
        }

        Metadata metadata = LoadMetadata(Path.Combine(directory, MetadataFile));
        var lines = LoadLines(Path.Combine(directory, SelectionFile), metadata.Classes);
        var centres = LoadCentres(Path.Combine(directory, CentresFile), lines);
        var selected = lines
            .Select(l => new SelectedCellLine(l.ModelId, l.Lineage, l.Label, l.Split, centres[l.ModelId]))
            .ToList();
        foreach (SelectedCellLine line in selected.Where(l => l.Split != Split.Embedding && l.Centres.Count != metadata.MutationsPerLine))
        {
            throw new DataFormatException(Path.Combine(directory, CentresFile), null, $"{line.ModelId} ({line.Split}) has {line.Centres.Count} centres; every train/test line must have {metadata.MutationsPerLine}.");
        }

        return new BalancedSelection(metadata.Classes, metadata.MutationsPerLine, metadata.Seed, selected);
    }

    private static StreamWriter Create(string path) =>
        new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);

    private static Metadata LoadMetadata(string path)
    {
        RequireFile(path);
        try
        {
            Metadata? metadata = JsonSerializer.Deserialize<Metadata>(File.ReadAllText(path), Json);
            return metadata is { Classes.Count: > 0, MutationsPerLine: > 0 }
                ? metadata
                : throw new DataFormatException(path, null, "expected classes (a non-empty list), mutations_per_line (≥ 1) and seed.");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.LineNumber + 1, $"not valid selection metadata: {e.Message}", e);
        }
    }

    private static List<(string ModelId, string Lineage, int Label, Split Split)> LoadLines(string path, IReadOnlyList<string> classes)
    {
        RequireFile(path);
        using var tsv = CsvReader.Open(path, '\t');
        int[] c = tsv.RequireColumns(SelectionColumns);
        var lines = new List<(string, string, int, Split)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (tsv.Read())
        {
            string modelId = tsv.GetString(c[0]);
            string lineage = tsv.GetString(c[1]);
            if (modelId.Length == 0 || !seen.Add(modelId))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"model_id '{modelId}' is empty or repeated.");
            }

            int expected = IndexOf(classes, lineage);
            if (!int.TryParse(tsv[c[2]], NumberStyles.None, CultureInfo.InvariantCulture, out int label) || label != expected)
            {
                throw new DataFormatException(path, tsv.LineNumber, $"label '{tsv.GetString(c[2])}' does not match lineage '{lineage}' (classes in label order: {string.Join(", ", classes)}).");
            }

            if (!Enum.TryParse(tsv[c[3]], ignoreCase: true, out Split split) || !Enum.IsDefined(split))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"split '{tsv.GetString(c[3])}' is not train, test or embedding.");
            }

            lines.Add((modelId, lineage, label, split));
        }

        return lines;
    }

    private static Dictionary<string, IReadOnlyList<Mutation>> LoadCentres(string path, List<(string ModelId, string Lineage, int Label, Split Split)> lines)
    {
        RequireFile(path);
        var centres = lines.ToDictionary(l => l.ModelId, _ => new List<Mutation>(), StringComparer.Ordinal);
        using var tsv = CsvReader.Open(path, '\t');
        int[] c = tsv.RequireColumns(CentreColumns);
        while (tsv.Read())
        {
            string modelId = tsv.GetString(c[0]);
            if (!centres.TryGetValue(modelId, out var list))
            {
                throw new DataFormatException(path, tsv.LineNumber, $"model_id '{modelId}' is not in {SelectionFile}.");
            }

            list.Add(MutationRow.Read(tsv, c, path, modelId, tsv.GetString(c[1])));
        }

        return centres.ToDictionary(p => p.Key, p => (IReadOnlyList<Mutation>)p.Value, StringComparer.Ordinal);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string lineage)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == lineage)
            {
                return i;
            }
        }

        return -1;
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, $"missing; a selection directory holds {MetadataFile}, {SelectionFile} and {CentresFile}.");
        }
    }

    private sealed record Metadata(IReadOnlyList<string> Classes, int MutationsPerLine, int Seed);
}
