using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>What a person does in the Studio, as clicks, drags and typing on the rendered page (found by the
/// data-testid attributes the components carry).</summary>
internal sealed partial class StudioPage(IPage page)
{
    /// <summary>Long enough for a stage on generated data on a busy 2-core machine.</summary>
    public static readonly float RunTimeoutMs = 180_000;

    public IPage Page => page;

    public ILocator ById(string testId) => page.GetByTestId(testId);

    /// <summary>Starts a new workflow in the designer under <paramref name="name"/>.</summary>
    public async Task NewWorkflowAsync(string name)
    {
        await ById("new-workflow").ClickAsync();
        var id = ById("workflow-id");
        await id.FillAsync(name);
        await id.PressAsync("Enter");
    }

    public async Task OpenWorkflowAsync(string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(ById("save-state")).ToHaveTextAsync("saved");
    }

    /// <summary>Double-click in the palette: the stage is added and selected.</summary>
    public async Task AddStageAsync(string activity, string expectedId)
    {
        await ById($"palette-{activity}").DblClickAsync();
        await Expect(ById($"stage-node-{expectedId}")).ToBeVisibleAsync();
    }

    /// <summary>Drags from an output handle of one stage to an input handle of another, as on the canvas.</summary>
    public async Task ConnectAsync(string fromStage, string output, string toStage, string input)
    {
        await ById("fit").ClickAsync();
        var from = await Centre(ById($"out-{fromStage}-{output}"));
        var to = await Centre(ById($"in-{toStage}-{input}"));
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    public async Task SelectStageAsync(string id) =>
        await ById($"stage-node-{id}").Locator(".stage-head").ClickAsync();

    /// <summary>Types into the selected stage's input field and commits it with Enter.</summary>
    public async Task SetInputAsync(string input, string value)
    {
        var field = ById($"stage-input-{input}");
        await field.FillAsync(value);
        await field.PressAsync("Enter");
        await Expect(field).ToHaveValueAsync(value);
    }

    public async Task SaveAsync()
    {
        await ById("save").ClickAsync();
        await Expect(ById("save-state")).ToHaveTextAsync("saved");
    }

    /// <summary>Starts a run of the saved definition; the Studio moves to the run monitor.</summary>
    public async Task<string> RunAsync()
    {
        await ById("run").ClickAsync();
        // Polled rather than WaitForURLAsync: that one checks the URL, then subscribes to navigations, and loses a
        // navigation that lands in between (microsoft/playwright-dotnet#3364; CI timed out on a page already there).
        await Expect(page).ToHaveURLAsync(RunUrl(), new() { Timeout = 60_000 });
        return ShownRunId;
    }

    /// <summary>The run the monitor shows: the last segment of its URL (#/runs/{id}).</summary>
    private string ShownRunId => Uri.UnescapeDataString(page.Url[(page.Url.LastIndexOf('/') + 1)..]);

    public async Task ExpectRunAsync(string status)
    {
        try
        {
            await Expect(ById("run-status")).ToHaveTextAsync(status, new() { Timeout = RunTimeoutMs });
        }
        catch (PlaywrightException e)
        {
            // Tells a page that stopped following the run apart from a run that really stopped moving.
            throw new PlaywrightException($"{e.Message}\nThe server's record of the run at that moment: {await ServerRecordAsync()}");
        }
    }

    /// <summary>The run shown on the page as the API reports it (status of the run and of each stage).</summary>
    private async Task<string> ServerRecordAsync()
    {
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var response = await page.APIRequest.GetAsync($"{origin}/api/runs/{Uri.EscapeDataString(ShownRunId)}");
        return $"HTTP {response.Status} {await response.TextAsync()}";
    }

    public async Task ExpectStageAsync(string stage, string status) =>
        await Expect(ById($"run-node-{stage}")).ToHaveAttributeAsync("data-status", status, new() { Timeout = RunTimeoutMs });

    [GeneratedRegex(@"#/runs/[^/]+$")]
    private static partial Regex RunUrl();

    private static async Task<(float X, float Y)> Centre(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on screen");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
