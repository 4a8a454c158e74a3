using Microsoft.Playwright;

namespace Claims.Web.Tests.Support;

/// <summary>
/// The seeded site and one headless Chromium (Debian's, at <see cref="ChromiumPath"/>: Playwright's own browsers are never
/// downloaded) for a test class. Each test opens its own page, which records every script error and CSP violation.
/// </summary>
public class BrowserSite : SeededSite
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CLAIMS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's `chromium` package (.ci/run does) or set CLAIMS_CHROMIUM.");
        await base.InitializeAsync();
        // The machine is shared and slow at times: wait longer than Playwright's 5 s before calling an expectation failed.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (no shared storage) at <paramref name="width"/>×<paramref name="height"/>, in French.</summary>
    /// <param name="apiKey">An API key the page holds from the start (as if typed in its key form).</param>
    public async Task<PageTab> OpenAsync(string hash = "", int width = 1280, int height = 900, string? apiKey = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        if (apiKey is not null)
            await context.AddInitScriptAsync($"sessionStorage.setItem('claims.apiKey', {System.Text.Json.JsonSerializer.Serialize(apiKey)});");
        var page = await context.NewPageAsync();
        var review = new PageTab(context, page);
        await page.GotoAsync("/" + hash);
        return review;
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>One tab on the review page, with the script errors and console errors it saw (a CSP violation is one).</summary>
public sealed class PageTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public PageTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add("page error: " + error);
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add("console: " + message.Text); };
        page.Dialog += (_, dialog) => _errors.Add("dialog opened: " + dialog.Message);
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => _errors;

    public ILocator Main => Page.Locator("main");

    public void AssertNoErrors() => Assert.True(_errors.Count == 0, "The page reported errors:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
