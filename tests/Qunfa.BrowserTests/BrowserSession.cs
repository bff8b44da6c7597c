namespace Qunfa.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright against the app on a loopback port; never downloads a
/// browser. Each step's screenshot is kept under artifacts/screenshots/{test}.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshotDirectory;
    private int _shot;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page, string screenshotDirectory)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _screenshotDirectory = screenshotDirectory;
    }

    public IPage Page { get; }

    // CI runs the browser tests beside the integration suite on two cores; Playwright's 5 s default
    // for an expectation was exceeded there by a first, cold render (Swagger UI building the OpenAPI document).
    private const float ExpectTimeoutMs = 20_000;

    public static async Task<BrowserSession> OpenAsync(Uri baseUrl, string testName)
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        var chromium = Requirements.Chromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString().TrimEnd('/'),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var directory = Path.Combine(ArtifactsRoot(), "screenshots", testName);
        Directory.CreateDirectory(directory);
        return new BrowserSession(playwright, browser, page, directory);
    }

    public async Task ScreenshotAsync(string step)
    {
        _shot++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshotDirectory, $"{_shot:00}-{step}.png"), FullPage = true });
    }

    private static string ArtifactsRoot()
    {
        if (Environment.GetEnvironmentVariable("QUNFA_TEST_ARTIFACTS") is { Length: > 0 } configured) return configured;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qunfa.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
