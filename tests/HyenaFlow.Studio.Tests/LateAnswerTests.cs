using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyenaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HyenaFlow.Studio.Tests;

/// <summary>
/// The run monitor reads the run once and follows its event stream; on a busy machine the one-off read can be
/// answered after the stream has already reported the end. That late answer describes an older state and must not
/// put the finished run back to 'running' (CI once saw the page stuck there for three minutes).
/// </summary>
public sealed partial class LateAnswerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_finished_run_stays_finished_when_the_pages_first_read_is_answered_after_the_stream_ended()
    {
        await StudioSession.RunAsync(nameof(A_finished_run_stays_finished_when_the_pages_first_read_is_answered_after_the_stream_ended), output, async session =>
        {
            var (studio, shots) = (session.Studio, session.Screenshots);
            await studio.NewWorkflowAsync("e2e-late-answer");
            await studio.AddStageAsync("loss-curve@1", "loss-curve");
            // 50 steps of 100 ms: the run is still going when the page first reads it, even on a busy machine.
            await studio.SetInputAsync("steps", "50");
            await studio.SetInputAsync("step-ms", "100");
            await studio.SaveAsync();

            // The page's one-off read of the run is made by the server at once but handed to the page only once
            // the run has finished and the stream has had time to say so.
            var heldAnswer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await studio.Page.RouteAsync(RunRead(), async route =>
            {
                var response = await route.FetchAsync();
                var body = await response.TextAsync();
                if (!heldAnswer.Task.IsCompleted)
                {
                    await WaitUntilFinishedAsync(route.Request.Url, studio.Page.APIRequest);
                    await Task.Delay(1500);
                }

                await route.FulfillAsync(new() { Response = response, Body = body });
                heldAnswer.TrySetResult(body);
            });

            await studio.RunAsync();
            var answer = await heldAnswer.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal("running", RunStatus(answer)); // the late answer really was the older state
            await Task.Delay(500); // time for the page to take the answer in before it is looked at
            // Once the late answer has been taken for the truth nothing corrects it (the stream has closed), so a
            // generous wait here still fails every time the page gets it wrong, and tolerates a slow machine.
            await Expect(studio.ById("run-status")).ToHaveTextAsync("succeeded", new() { Timeout = 15_000 });
            await Expect(studio.ById("run-node-loss-curve")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 15_000 });
            await shots.TakeAsync("finished-despite-late-answer");
        });
    }

    /// <summary>GET /api/runs/{id} exactly, not its sub-resources (events, logs, tracking).</summary>
    [GeneratedRegex(@"/api/runs/[^/?]+$")]
    private static partial Regex RunRead();

    private static string? RunStatus(string runDetail) => JsonNode.Parse(runDetail)?["run"]?["status"]?.GetValue<string>();

    private static async Task WaitUntilFinishedAsync(string runUrl, IAPIRequestContext api)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var response = await api.GetAsync(runUrl);
            if (RunStatus(await response.TextAsync()) != "running")
                return;
            await Task.Delay(200);
        }
    }
}
