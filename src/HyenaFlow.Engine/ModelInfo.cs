using System.Globalization;
using System.Text;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine;

/// <summary>The named HyenaDNA configurations as a printable table (<c>hyenaflow model info</c>).</summary>
public static class ModelInfo
{
    public sealed record Row(string Name, int MaxLength, int ModelWidth, int LayerCount, int MlpWidth, long BackboneParameters, long? WithHeadParameters);

    /// <param name="classCount">When set, also the parameter count with a classification head of that many classes.</param>
    public static IReadOnlyList<Row> Rows(int? classCount = 2) =>
        HyenaDnaConfig.Named
            .Select(c => new Row(c.Name, c.MaxLength, c.ModelWidth, c.LayerCount, c.MlpWidth, c.ParameterCount(), classCount is null ? null : c.ParameterCount(classCount)))
            .ToList();

    /// <summary>Aligned text table, one configuration per line, counts with thousands separators.</summary>
    public static string Table(int? classCount = 2)
    {
        var headers = new List<string> { "name", "l_max", "d_model", "n_layer", "d_inner", "parameters" };
        if (classCount is not null) headers.Add($"with {classCount}-class head");
        var rows = Rows(classCount).Select(r =>
        {
            var cells = new List<string> { r.Name, N(r.MaxLength), N(r.ModelWidth), N(r.LayerCount), N(r.MlpWidth), N(r.BackboneParameters) };
            if (r.WithHeadParameters is { } withHead) cells.Add(N(withHead));
            return cells;
        }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Line(headers);
        foreach (var row in rows) Line(row);
        return text.ToString();
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
