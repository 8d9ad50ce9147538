using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Plots.Report;

/// <summary>What the report stage draws from; each figure is made when its input is present.</summary>
/// <param name="Mutations">Cleaned mutations: mutations per cell line by lineage (Figures 3.2–3.4).</param>
/// <param name="Datasets">Dataset directories, e.g. the 1,024 and 32,768 bp ones: mutations per sequence (Figure 3.6).</param>
/// <param name="MetricsFiles">Metrics JSON lines of training runs: loss curves (Figures 4.5–4.6), the schedule the first one used, and the results table.</param>
/// <param name="Results">Rows of the results table (Table 4.1); null derives them from the metrics files that logged a test accuracy.</param>
/// <param name="Schedule">The schedule to draw (Figure 3.5); null takes the first metrics file's, else the thesis defaults.</param>
public sealed record ThesisReportInputs(
    MutationSet? Mutations = null,
    IReadOnlyList<string>? Datasets = null,
    IReadOnlyList<string>? MetricsFiles = null,
    IReadOnlyList<RunResult>? Results = null,
    CosineWarmupSchedule? Schedule = null)
{
    /// <summary>Size of each single-panel figure in pixels.</summary>
    public int Width { get; init; } = 1_000;

    public int Height { get; init; } = 650;
}
