using Claims.Domain.Events;

namespace Claims.Feed.Tests.Support;

/// <summary>Claims events the feed tests append: cheap for the read models to apply, each carrying what a test reads back.</summary>
public static class TestEvents
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>An ArticleReExtracted whose data says <paramref name="number"/> (toVersion "v&lt;number&gt;"; see <see cref="NumberOf"/>).</summary>
    public static ArticleReExtracted Numbered(string stream, int number) => new(stream, $"v{number - 1}", $"v{number}", At);

    public static int NumberOf(System.Text.Json.JsonElement data) => int.Parse(data.GetProperty("toVersion").GetString()!.TrimStart('v'));

    public static StatementMade Statement(string stream, string speaker, string text, string recordId = "s1") =>
        new(stream, recordId, new ActorData("actor-" + speaker.ToLowerInvariant().Replace(' ', '-'), speaker), [], text, "direct", 0, text.Length, null, "test");

    /// <summary>A verdict on a contradiction no read model knows: the read models pass it over, whatever its note's size.</summary>
    public static ContradictionVerdictRecorded Verdict(string note) => new("c-0000000000", "needs-evidence", note, "tester", At);
}
