using HyenaFlow.Studio.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HyenaFlow.Studio.Tests;

/// <summary>The run monitor's charts: a stage that reports loss, learning rate and accuracy gets one line chart per
/// metric, and its report file is listed, all read from the real server.</summary>
public sealed class MetricsChartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AStagesMetricsAreDrawnAsOneChartPerKey()
    {
        await StudioSession.RunAsync(nameof(AStagesMetricsAreDrawnAsOneChartPerKey), output, async session =>
        {
            var (studio, shots) = (session.Studio, session.Screenshots);
            await studio.NewWorkflowAsync("e2e-metrics");
            await studio.AddStageAsync("loss-curve@1", "loss-curve");
            await studio.SaveAsync();
            await studio.RunAsync();
            await studio.ExpectRunAsync("succeeded");

            await studio.ById("run-node-loss-curve").ClickAsync();
            var charts = studio.ById("metrics-charts");
            // Losses first, then accuracy, then the learning rate; each a drawn line, the last value in the caption.
            await Expect(charts.Locator("figcaption > span:first-child")).ToHaveTextAsync(["train/loss", "test/accuracy", "train/lr"]);
            await Expect(studio.ById("metric-train/loss")).ToContainTextAsync("@ 40");
            var line = await studio.ById("metric-train/loss").Locator("path.line").GetAttributeAsync("d");
            Assert.Equal(40, line!.Count(c => c is 'M' or 'L'));
            await Expect(studio.ById("metric-test/accuracy").Locator("circle")).ToHaveCountAsync(4);
            await Expect(studio.ById("stage-files")).ToContainTextAsync("loss.csv");
            await shots.TakeAsync("metrics-charts");
        });
    }
}
