using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>
/// The font every figure uses. SkiaSharp's NoDependencies build has no fontconfig, so it scans the
/// system font folders itself; a sans-serif family is picked from what it finds (Debian ships DejaVu),
/// falling back to Skia's default so text still renders where none of the preferred ones exists.
/// </summary>
public static class FigureFonts
{
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica"];

    private static readonly Lazy<string> FamilyName = new(Pick);

    /// <summary>The family name used for titles, labels and legends.</summary>
    public static string Family => FamilyName.Value;

    /// <summary>A typeface of <see cref="Family"/>, bold or regular.</summary>
    public static SKTypeface Typeface(bool bold = false) =>
        SKTypeface.FromFamilyName(Family, bold ? SKFontStyle.Bold : SKFontStyle.Normal) ?? SKTypeface.Default;

    /// <summary>Uses <see cref="Family"/> for every text element of <paramref name="plot"/>.</summary>
    public static void Apply(ScottPlot.Plot plot) => plot.Font.Set(Family);

    private static string Pick()
    {
        var installed = new HashSet<string>(SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return Preferred.FirstOrDefault(installed.Contains) ?? SKTypeface.Default.FamilyName;
    }
}
