using Claims.Api.Auth;

namespace Claims.Api.Tests.Auth;

/// <summary>The CLAIMS_API_KEYS format: key=owner:role+role;key2=owner2:role.</summary>
public sealed class ApiKeyRingTests
{
    [Fact]
    public void Keys_give_their_owner_and_roles()
    {
        var ring = ApiKeyRing.Parse(" k1=alice:ingest+review ; k2==bot:ingest;;");
        Assert.Equal(2, ring.Count);
        Assert.Equal("alice", ring.Find("k1")!.Owner);
        Assert.Equal(["ingest", "review"], ring.Find("k1")!.Roles.Order());
        Assert.Equal("bot", ring.Find("k2=")!.Owner);  // a key may end in '=' (base64)
        Assert.Equal(["ingest"], ring.Find("k2=")!.Roles);
        Assert.Null(ring.Find("k2"));
        Assert.Null(ring.Find("alice"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_setting_means_no_keys(string? setting) => Assert.True(ApiKeyRing.Parse(setting).IsEmpty);

    [Theory]
    [InlineData("k1", "key=owner:role")]
    [InlineData("k1=alice", "key=owner:role")]
    [InlineData("=alice:ingest", "key=owner:role")]
    [InlineData("k1=:ingest", "owner is empty")]
    [InlineData("k1=alice:", "no role")]
    [InlineData("k1=alice:admin", "unknown role 'admin'")]
    [InlineData("k1=alice:ingest;k1=bob:review", "twice")]
    public void A_bad_entry_is_named_without_echoing_the_key(string setting, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ApiKeyRing.Parse(setting));
        Assert.Contains(reason, error.Message);
        Assert.Contains(ApiKeyRing.Setting, error.Message);
        Assert.DoesNotContain("k1=", error.Message);
    }
}
