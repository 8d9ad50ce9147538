using HyenaFlow.Studio.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HyenaFlow.Studio.Tests;

/// <summary>
/// The Studio end to end, in headless Chromium against the real server: a researcher draws a workflow on generated
/// data, runs it, breaks an input, sees the failure on the node, fixes it and gets green again with only the fixed
/// stage executed. Screenshots of each step are kept (path printed in the test output).
/// </summary>
public sealed class DesignAndRunTests(ITestOutputHelper output)
{
    private const string Workflow = "e2e-genome";

    [Fact]
    public async Task DrawRunBreakFixAndRerunOnlyTheFixedStage()
    {
        await StudioSession.RunAsync(nameof(DrawRunBreakFixAndRerunOnlyTheFixedStage), output, async session =>
        {
            var (studio, shots) = (session.Studio, session.Screenshots);
            await Expect(studio.Page.GetByText("HyenaFlow Studio")).ToBeVisibleAsync();
            await shots.TakeAsync("workflow-list");

            // Draw: name the workflow, add two stages from the palette, wire the genome FASTA between them.
            await studio.NewWorkflowAsync(Workflow);
            await studio.AddStageAsync("synth-data@1", "synth-data");
            await studio.AddStageAsync("import-genome@1", "import-genome");
            await studio.ConnectAsync("synth-data", "fasta", "import-genome", "fasta");
            await studio.SelectStageAsync("import-genome");
            await Expect(studio.ById("stage-input-fasta")).ToHaveValueAsync("${{ stages.synth-data.outputs.fasta }}");
            await studio.SetInputAsync("keep", "autosomes");
            // The server validates each change as the CLI would: wired and filled in, nothing is left to report.
            await Expect(studio.ById("stage-errors-import-genome")).ToHaveCountAsync(0);
            await shots.TakeAsync("designed");
            await studio.SaveAsync();
            await Expect(studio.Page).ToHaveURLAsync($"{session.Server.BaseUrl}/#/workflows/{Workflow}");
            Assert.True(File.Exists(Path.Combine(session.Server.Root, "workflows", Workflow + ".json")), "save wrote no definition file");

            // Run: both stages execute and turn green.
            await studio.RunAsync();
            await studio.ExpectRunAsync("succeeded");
            await studio.ExpectStageAsync("synth-data", "succeeded");
            await studio.ExpectStageAsync("import-genome", "succeeded");
            await shots.TakeAsync("first-run-green");

            // Break an input: a chromosome the generated genome does not have. The failure shows on the node.
            await studio.OpenWorkflowAsync(Workflow);
            await studio.SelectStageAsync("import-genome");
            await studio.SetInputAsync("keep", "chr99");
            await studio.SaveAsync();
            await studio.RunAsync();
            await studio.ExpectRunAsync("failed");
            await studio.ExpectStageAsync("import-genome", "failed");
            await Expect(studio.ById("run-node-error-import-genome")).ToContainTextAsync("chr99 not found");
            await studio.ExpectStageAsync("synth-data", "cached");
            await studio.ById("run-node-import-genome").ClickAsync();
            await Expect(studio.ById("stage-error")).ToContainTextAsync("chr99");
            await shots.TakeAsync("broken-input-failed-on-node");

            // Fix it: the run keeps the definition it was started with, so the fix goes into the workflow and a new
            // run takes the unchanged stage from the cache: only the fixed stage executes.
            await studio.OpenWorkflowAsync(Workflow);
            await studio.SelectStageAsync("import-genome");
            await studio.SetInputAsync("keep", "chr1,chr2");
            await studio.SaveAsync();
            await studio.RunAsync();
            await studio.ExpectRunAsync("succeeded");
            await studio.ExpectStageAsync("synth-data", "cached");
            await studio.ExpectStageAsync("import-genome", "succeeded");
            await shots.TakeAsync("fixed-green-only-fixed-stage-ran");

            // And in place, from the monitor: rerun only that stage; its upstream stays as it was.
            await studio.ById("run-node-import-genome").ClickAsync();
            await studio.ById("rerun-stage").ClickAsync();
            await Expect(studio.ById("run-node-import-genome")).ToContainTextAsync("attempt 2", new() { Timeout = StudioPage.RunTimeoutMs });
            await studio.ExpectRunAsync("succeeded");
            await studio.ExpectStageAsync("import-genome", "succeeded");
            await studio.ExpectStageAsync("synth-data", "cached");
            await shots.TakeAsync("rerun-this-stage-green");
        });
    }
}
