using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Claims.Api.Auth;

/// <summary>
/// Authenticates writers by the <c>X-Api-Key</c> header against <see cref="ApiKeyRing"/>. The principal's name is the key's owner:
/// it is the identity recorded on ingests, verdicts and corrections. With no keys configured, a loopback caller is "local" with every role.
/// Refusals are problem+json: 401 (no key or an unknown key), 403 (a key without the role, or a remote caller when no keys are configured).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRing keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var values) && !string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(keys.Find(values.ToString()) is { } holder
                ? Success(holder.Owner, holder.Roles)
                : AuthenticateResult.Fail($"The {HeaderName} header does not hold a known API key."));
        }
        if (keys.IsEmpty && IsLoopback(Context))
            return Task.FromResult(Success(ApiKeyRing.LocalOwner, WriteRoles.All));
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var sentKey = Request.Headers.ContainsKey(HeaderName);
        if (!sentKey && keys.IsEmpty)
        {
            // No key could ever work here: this server takes writes from its own machine only.
            await WriteProblemAsync(StatusCodes.Status403Forbidden, "Writes are accepted from this machine only",
                $"No API keys are configured ({ApiKeyRing.Setting}), so writes are accepted from loopback only.");
            return;
        }
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required",
            sentKey
                ? $"The {HeaderName} header does not hold a known API key. Nothing was written."
                : $"This request writes: send an API key in the {HeaderName} header. Nothing was written.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Role missing",
            $"The API key of '{Context.User.Identity?.Name}' does not have the '{needed}' role this request needs. Nothing was written.");
    }

    private AuthenticateResult Success(string owner, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, owner) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);
}
