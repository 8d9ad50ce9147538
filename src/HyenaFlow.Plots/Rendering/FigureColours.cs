using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>Colours of categories (matplotlib's tab10, the thesis figures' look) and of the grey background.</summary>
public static class FigureColours
{
    private static readonly uint[] Categorical =
    [
        0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD,
        0xFF8C564B, 0xFFE377C2, 0xFF7F7F7F, 0xFFBCBD22, 0xFF17BECF,
    ];

    /// <summary>Points outside the highlighted categories: light grey, drawn first so coloured points stay on top.</summary>
    public static SKColor Background { get; } = new(0xFFC8C8C8);

    /// <summary>The colour of category <paramref name="index"/>; past ten the colours repeat.</summary>
    public static SKColor Category(int index) => new(Categorical[index % Categorical.Length]);

    public static ScottPlot.Color ToScottPlot(SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);
}
