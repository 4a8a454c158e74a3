using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Tests.Support;
using Claims.TestKit;

namespace Claims.Domain.Tests;

/// <summary>Ingestion without the seed fixture: bad requests, races between clients, revisions and re-extraction.</summary>
public sealed class IngestionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClaimsRuntime _runtime = null!;
    private IClaimsApplication App => _runtime.Application;

    public async Task InitializeAsync() => _runtime = await SeededClaims.StartAsync(database.ConnectionString);
    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    public static TheoryData<IngestArticleRequest, string> BadRequests => new()
    {
        { new IngestArticleRequest(), "text" },
        { new IngestArticleRequest(Text: "Moscou a démenti.", Html: "<p>Moscou a démenti.</p>"), "text" },
        { new IngestArticleRequest(Text: "   \n  "), "text" },
        { new IngestArticleRequest(Text: new string('a', 10 * 1024 * 1024)), "text" },
        { new IngestArticleRequest(Html: "<html><body><nav>Accueil</nav></body></html>"), "html" },
        { new IngestArticleRequest(Text: Seeds.All[1].Request.Text, Url: "not a url"), "url" },
        { new IngestArticleRequest(Text: Seeds.All[1].Request.Text, Language: "fr; drop table"), "language" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Invalid_requests_name_the_field_and_write_nothing(IngestArticleRequest request, string field)
    {
        var before = await Streams.CountAsync(_runtime);
        // ThrowsAny: a text over the size limit is the RequestTooLargeException kind of refusal (413 over HTTP).
        var error = await Assert.ThrowsAnyAsync<RequestValidationException>(() => App.IngestAsync(request, "tester"));
        Assert.Equal(field, error.Field);
        Assert.Equal(before, await Streams.CountAsync(_runtime));
    }

    [Fact]
    public async Task Two_clients_ingesting_the_same_article_at_once_make_one_stream()
    {
        await using var other = await SeededClaims.StartAsync(database.ConnectionString);
        var request = Seeds.All[4].Request with { Url = "https://example.org/race" };
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => (i % 2 == 0 ? App : other.Application).IngestAsync(request, $"client-{i % 2}"))));
        Assert.Single(results.Select(r => r.ArticleId).Distinct());
        Assert.Single(results, r => r.Created);
        var ingested = 0;
        ingested = (await Streams.ReadAsync(_runtime, results[0].ArticleId)).Count(e => e is ArticleIngested);
        Assert.Equal(1, ingested);
    }

    [Fact]
    public async Task New_content_for_a_url_revises_the_article_and_appends_only_the_difference()
    {
        var url = "https://example.org/revised";
        var text = Seeds.All[0].Request.Text!;
        var first = await App.IngestAsync(new IngestArticleRequest(Text: text, Url: url), "tester");
        var (before, version) = await Streams.LoadArticleAsync(_runtime, first.ArticleId);
        var cut = text[..(text.Length / 2)];
        var second = await App.IngestAsync(new IngestArticleRequest(Text: cut, Url: url), "tester");
        Assert.Equal((first.ArticleId, false), (second.ArticleId, second.Created));

        var appended = new List<object>();
        appended.AddRange(await Streams.ReadAsync(_runtime, first.ArticleId, fromVersion: version + 1));
        Assert.IsType<ArticleRevised>(appended[0]);
        var (after, _) = await Streams.LoadArticleAsync(_runtime, first.ArticleId);
        Assert.Equal(cut, after.Text);
        Assert.True(after.Standing.Count() < before.Standing.Count());
        Assert.Equal(before.Records.Count - after.Standing.Count(), appended.OfType<RecordRetracted>().Count() - appended.Count(Articles.RecordMapping.IsRecord));
        // History is not rewritten: the first version's events are all still there.
        Assert.Equal(before.Records.Count, after.Records.Count - appended.Count(Articles.RecordMapping.IsRecord));
    }

    [Fact]
    public async Task A_newer_extractor_appends_retractions_and_new_records_without_rewriting_history()
    {
        var ingested = await App.IngestAsync(Seeds.All[3].Request, "tester");
        var (before, version) = await Streams.LoadArticleAsync(_runtime, ingested.ArticleId);
        var extractor = new Extraction.ArticleExtractor();
        // "Version 2" finds everything version 1 found but the first statement, and says the second one differently.
        var events = await _runtime.Claims.ReExtractAsync(ingested.ArticleId, input =>
        {
            var x = extractor.Extract(input);
            return x with { ExtractorVersion = "test-v2", Statements = [x.Statements[1] with { Mode = "indirect", Text = x.Statements[1].Text + "!" }, .. x.Statements.Skip(2)] };
        });
        Assert.IsType<ArticleReExtracted>(events[0]);
        Assert.Equal(["s1", "s2"], events.OfType<RecordRetracted>().Select(r => r.RecordId));
        var added = Assert.Single(events.OfType<StatementMade>());
        Assert.Equal("s2.2", added.RecordId);

        var all = new List<object>();
        all.AddRange(await Streams.ReadAsync(_runtime, ingested.ArticleId));
        Assert.Equal(version + events.Count, all.Count);
        Assert.Empty(await _runtime.Claims.ReExtractAsync(ingested.ArticleId, input => extractor.Extract(input) with { ExtractorVersion = "test-v2" }));
    }
}
