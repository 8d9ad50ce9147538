using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>One test's world: the server on its own folder and port, a headless Chromium with one page on it,
/// and the screenshots folder. Disposed in reverse order.</summary>
internal sealed class StudioSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private StudioSession(StudioServer server, IPlaywright playwright, IBrowser browser, IPage page, string testName)
    {
        Server = server;
        _playwright = playwright;
        _browser = browser;
        Studio = new StudioPage(page);
        Screenshots = new Screenshots(page, testName);
    }

    public StudioServer Server { get; }

    public StudioPage Studio { get; }

    public Screenshots Screenshots { get; }

    private static async Task<StudioSession> StartAsync(string testName)
    {
        var server = await StudioServer.StartAsync();
        try
        {
            var (playwright, browser) = await HeadlessChromium.LaunchAsync();
            // Wide enough that the palette, the canvas and the stage panel all show in the screenshots.
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
            // `dotnet test` runs the solution's assemblies side by side on two cores (training tests among them):
            // generous waits keep a busy machine from failing a correct Studio.
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(30_000);
            await page.GotoAsync(server.BaseUrl + "/");
            return new StudioSession(server, playwright, browser, page, testName);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One test's scenario in a session of its own: the test output names the screenshots folder and the time the
    /// scenario took; when it fails, a last screenshot shows where it stood.
    /// </summary>
    public static async Task RunAsync(string testName, ITestOutputHelper output, Func<StudioSession, Task> scenario)
    {
        var clock = Stopwatch.StartNew();
        await using var session = await StartAsync(testName);
        output.WriteLine($"screenshots: {session.Screenshots.Folder}");
        await session.ScenarioAsync(() => scenario(session));
        output.WriteLine($"scenario took {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task ScenarioAsync(Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            await Screenshots.TakeAsync("failure");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}
