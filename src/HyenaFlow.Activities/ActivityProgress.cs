using HyenaFlow.Genomics;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities;

/// <summary>Library progress (done of total) as the fraction a stage reports.</summary>
internal static class ActivityProgress
{
    public static IProgress<ProgressReport> Of(ActivityContext context) =>
        new Sink(report =>
        {
            if (report.Total > 0)
                context.Progress.Report(Math.Clamp((double)report.Done / report.Total, 0, 1));
        });

    // Synchronous, unlike Progress<T>, so that no report arrives after the stage has finished.
    private sealed class Sink(Action<ProgressReport> action) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => action(value);
    }
}
