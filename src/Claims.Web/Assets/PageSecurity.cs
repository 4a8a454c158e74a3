using Microsoft.AspNetCore.Http;

namespace Claims.Web.Assets;

/// <summary>
/// Headers on every file of the page. The Content-Security-Policy allows only our own scripts and styles (no inline code,
/// no eval, no plugins, no framing): even if article text ever reached the DOM as markup, a script in it could not run.
/// </summary>
public static class PageSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
    }
}
