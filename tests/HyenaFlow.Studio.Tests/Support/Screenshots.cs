using Microsoft.Playwright;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>Numbered full-page screenshots of a test, kept as its output under
/// <c>&lt;test output folder&gt;/TestResults/screenshots/&lt;test&gt;/</c>.</summary>
internal sealed class Screenshots(IPage page, string testName)
{
    private int _count;

    public string Folder { get; } = Prepare(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", testName));

    public async Task TakeAsync(string name)
    {
        var path = Path.Combine(Folder, $"{++_count:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    // A rerun's pictures replace the last run's rather than mixing with them.
    private static string Prepare(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Studio e2e screenshots: {folder}");
        return folder;
    }
}
