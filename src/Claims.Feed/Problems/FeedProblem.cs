using Microsoft.AspNetCore.Http;

namespace Claims.Feed.Problems;

/// <summary>
/// A request the feed refuses: 400 (or 404) problem+json naming the parameter that was wrong, in "field" and in
/// "errors", the same shape the Claims API uses for its own bad requests.
/// </summary>
public sealed class FeedProblem(string field, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Field { get; } = field;
    public int Status { get; } = status;

    public IResult ToResult() =>
        Status == StatusCodes.Status400BadRequest
            ? Results.ValidationProblem(
                new Dictionary<string, string[]> { [Field] = [Message] },
                detail: $"{Field}: {Message}",
                title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["field"] = Field })
            : Results.Problem(detail: Message, statusCode: Status, title: "Not found",
                extensions: new Dictionary<string, object?> { ["field"] = Field });
}
