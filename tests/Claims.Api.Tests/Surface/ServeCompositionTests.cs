using Claims.Api.Tests.Support;
using Claims.Cli.Hosting;

namespace Claims.Api.Tests.Surface;

/// <summary>What `claims serve` mounts beside the API: the event feed, and the relay's settings from the environment.</summary>
[Collection(SeededCollection.Name)]
public sealed class ServeCompositionTests(SeededApi api)
{
    [Fact]
    public async Task The_served_host_carries_the_event_feed_with_the_seed_articles_in_it()
    {
        using var client = api.Client();
        var page = await client.GetJsonAsync("/events?after=0&limit=1000&type=ArticleIngested");
        var subjects = page["events"]!.AsArray().Select(e => (string)e!["subject"]!).ToHashSet();
        Assert.Superset(api.Seeds.Select(s => s.ArticleId).ToHashSet(), subjects);
        Assert.All(page["events"]!.AsArray(), e => Assert.Equal("1.0", (string)e!["specversion"]!));
    }

    [Fact]
    public void The_relay_is_off_unless_enabled_and_a_bad_uri_is_named()
    {
        Assert.False(RelaySettings.From(_ => null).Enabled);
        var on = RelaySettings.From(name => name switch
        {
            "CLAIMS_RABBITMQ_ENABLED" => "true",
            "CLAIMS_RABBITMQ_URI" => "amqp://claims:claims@rabbitmq:5672/",
            "CLAIMS_RABBITMQ_EXCHANGE" => "newsroom.events",
            _ => null,
        });
        Assert.True(on.Enabled);
        Assert.Equal("rabbitmq", on.Uri.Host);
        Assert.Equal("newsroom.events", on.Exchange);

        var bad = Assert.Throws<FormatException>(() => RelaySettings.From(name => name == "CLAIMS_RABBITMQ_URI" ? "http://nope" : null));
        Assert.Contains("CLAIMS_RABBITMQ_URI", bad.Message);
    }
}
