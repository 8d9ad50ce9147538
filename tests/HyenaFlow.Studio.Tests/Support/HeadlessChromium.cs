using Microsoft.Playwright;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>
/// Debian's Chromium (the <c>chromium</c> package, installed by infra/setup.sh) driven by Playwright: Playwright's
/// own browser download cannot run on machines without internet, so the executable path is always given.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>HYENAFLOW_CHROMIUM overrides the path, for a Chromium installed elsewhere.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("HYENAFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling Google's services, which a closed network
    // refuses; the sandbox needs user namespaces that containers (and root) do not grant.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ExecutablePath}: the Studio's end-to-end test needs Debian's chromium package " +
                "(bash infra/setup.sh installs it; or `apt-get install chromium`), or HYENAFLOW_CHROMIUM naming another Chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Flags,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
