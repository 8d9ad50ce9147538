namespace HyenaFlow.Analysis;

/// <summary>A progress report: which stage is running and how far along it is (0–1).</summary>
public sealed record UmapProgress(string Stage, double Fraction);
