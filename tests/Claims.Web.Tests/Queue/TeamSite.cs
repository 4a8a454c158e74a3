using Claims.Api.Auth;
using Claims.Web.Tests.Support;

namespace Claims.Web.Tests.Queue;

/// <summary>The review page for a team: API keys for two reviewers (alice, bob) and a feeder that ingests.</summary>
public sealed class TeamSite : BrowserSite
{
    public const string AliceKey = "alice-key-4410";
    public const string BobKey = "bob-key-9921";
    public const string FeederKey = "feeder-key-1207";

    protected override ApiKeyRing Keys => ApiKeyRing.Parse($"{AliceKey}=alice:review; {BobKey}=bob:review; {FeederKey}=feeder:ingest+review");
    protected override string? WriterKey => FeederKey;
}
