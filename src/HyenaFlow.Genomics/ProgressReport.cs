namespace HyenaFlow.Genomics;

/// <summary>Progress of long work: <paramref name="Done"/> of <paramref name="Total"/> units (Total ≤ 0 when unknown).</summary>
public readonly record struct ProgressReport(string Stage, long Done, long Total, string Unit = "");
