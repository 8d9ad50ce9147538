using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>Number formatting for the Markdown tables (invariant culture, thousands separators).</summary>
public static class Format
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (100 * fraction).ToString("F1", CultureInfo.InvariantCulture) + " %";

    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";

    /// <summary>1,024 → "1K", 65,536 → "64K", other values with separators.</summary>
    public static string Length(long tokens) => tokens % 1024 == 0 ? $"{tokens / 1024}K" : N0(tokens);

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    public static string Separator(int columns) => "|" + string.Concat(Enumerable.Repeat("---|", columns));
}
