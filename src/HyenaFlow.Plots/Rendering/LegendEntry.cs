using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>One line of a figure legend: a coloured marker and its label.</summary>
public sealed record LegendEntry(string Label, SKColor Color);
