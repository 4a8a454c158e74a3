using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Claims.Api.Auth;

/// <summary>The roles an API key may carry; each is also the name of the authorization policy that requires it.</summary>
public static class WriteRoles
{
    /// <summary>POST /articles.</summary>
    public const string Ingest = "ingest";

    /// <summary>Verdicts on contradictions and corrections of records.</summary>
    public const string Review = "review";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Ingest, Review };

    /// <summary>A reviewer's write on a named contradiction or record: the review role, and the refusals every such write
    /// can meet (401 without a key, 403 without the role, 404 for an unknown id), described for OpenAPI.</summary>
    public static RouteHandlerBuilder RequireReviewer(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Review)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
