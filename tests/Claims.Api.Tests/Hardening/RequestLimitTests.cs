using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Api.Limits;
using Claims.Api.Tests.Support;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Claims.Api.Tests.Hardening;

/// <summary>
/// The time budget and the ingest bound, over HTTP against the API's own middleware, with an application whose ingest
/// takes as long as the test says: a slow extraction is a gate the test opens, so nothing here depends on timing.
/// </summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly GatedApplication _app = new();
    private WebApplication _host = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IClaimsApplication>(_app);
        builder.Services.AddClaimsApi(ApiKeyRing.Empty);   // no keys: loopback writes as "local"
        builder.Services.Configure<RequestLimitsOptions>(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(1);
            o.IngestTimeout = TimeSpan.FromSeconds(1);
            o.IngestConcurrency = 1;
            o.IngestQueue = 0;
            o.RetryAfter = TimeSpan.FromSeconds(7);
        });
        _host = builder.Build();
        _host.UseClaimsApi();
        _host.MapClaimsApi();
        await _host.StartAsync();
        _address = new Uri(_host.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _app.OpenGate();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    private HttpClient Client() => new() { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(1) };

    private static readonly JsonObject Article = new() { ["text"] = "Lavrov a dit bonjour." };

    [Fact]
    public async Task An_ingest_over_its_budget_gets_503_with_Retry_After_and_the_domain_sees_the_token_end()
    {
        _app.HonoursCancellation = true;
        using var client = Client();
        var (_, problem, response) = await client.PostJsonAsync("/articles", Article);
        Http.AssertProblem(response, problem, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Contains("time budget", problem.Str("title"));
        Assert.True(await _app.SawCancellation.Task, "the request's token reached IClaimsApplication.PrepareIngest");
    }

    [Fact]
    public async Task An_extraction_that_ignores_the_token_still_answers_503_at_the_budget_and_keeps_its_slot_until_it_ends()
    {
        // Today's extractor: synchronous CPU work that does not watch the token.
        _app.HonoursCancellation = false;
        using var client = Client();
        var (_, problem, response) = await client.PostJsonAsync("/articles", Article);
        Http.AssertProblem(response, problem, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("time budget", problem.Str("title"));

        // The abandoned extraction still holds the only slot: the next ingest is refused at once, and reads are not held up.
        var (_, busy, busyResponse) = await client.PostJsonAsync("/articles", Article);
        Http.AssertProblem(busyResponse, busy, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Too many articles being ingested", busy.Str("title"));
        Assert.Equal(TimeSpan.FromSeconds(7), busyResponse.Headers.RetryAfter?.Delta);
        Assert.True((bool)(await client.GetJsonAsync("/health"))["database"]!);
        _app.OpenGate();
    }

    [Fact]
    public async Task An_article_waiting_on_its_append_gives_its_slot_to_the_next_extraction()
    {
        // One slot, no queue: the slot bounds extraction (the cores' work), not the append, which waits on the database.
        _app.OpenGate();
        _app.HoldAppends();
        using var client = Client();
        var first = client.PostJsonAsync("/articles", Article);
        await _app.AppendsStarted.WaitAsync();
        var second = client.PostJsonAsync("/articles", new JsonObject { ["text"] = "Lavrov a dit au revoir." });
        // The second is extracted while the first still appends (holding the slot through the append, it was refused at once).
        var secondAppends = _app.AppendsStarted.WaitAsync();
        Assert.Same(secondAppends, await Task.WhenAny(secondAppends, second));
        _app.ReleaseAppends();
        Assert.Equal(HttpStatusCode.Created, (await first).Status);
        Assert.Equal(HttpStatusCode.Created, (await second).Status);
    }

    [Fact]
    public async Task A_read_over_its_budget_gets_503_problem_with_Retry_After()
    {
        using var client = Client();
        using var response = await client.GetAsync("/contradictions");
        Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>An application whose ingest and contradiction list wait until the test opens the gate (or, when they honour
    /// cancellation, until the request's token ends); everything else the tests do not call.</summary>
    private sealed class GatedApplication : IClaimsApplication
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool HonoursCancellation { get; set; } = true;
        public TaskCompletionSource<bool> SawCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OpenGate() => _gate.TrySetResult();

        // The extraction is the synchronous part: it blocks its thread until the gate opens, as the extractor does.
        public IngestArticle PrepareIngest(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default)
        {
            try
            {
                _gate.Task.Wait(HonoursCancellation ? ct : CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                SawCancellation.TrySetResult(true);
                throw;
            }
            return new IngestArticle(new ArticleIngested("article-gated", "text", null, null, null, null, "fr", "hash", request.Text!, "gated", ingestedBy,
                DateTimeOffset.UnixEpoch), []);
        }

        /// <summary>Appends wait for this gate when set (<see cref="HoldAppends"/>); each one started is released into <see cref="AppendsStarted"/>.</summary>
        private TaskCompletionSource? _appendGate;
        public SemaphoreSlim AppendsStarted { get; } = new(0);
        public void HoldAppends() => _appendGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void ReleaseAppends() => _appendGate?.TrySetResult();

        public async Task<IngestResult> IngestAsync(IngestArticle command, CancellationToken ct = default)
        {
            AppendsStarted.Release();
            if (_appendGate is { } gate) await gate.Task.WaitAsync(ct);
            return new IngestResult(command.Article.ArticleId, command.Records.Count, true);
        }

        public Task<IngestResult> IngestAsync(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default) =>
            IngestAsync(PrepareIngest(request, ingestedBy, ct), ct);

        public async Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(ContradictionQuery query, ContradictionPage? page = null, CancellationToken ct = default)
        {
            await _gate.Task.WaitAsync(ct);
            return [];
        }

        public Task<HealthReport> GetHealthAsync(CancellationToken ct = default) => Task.FromResult(new HealthReport(true, []));
        public Task WaitForProjectionsAsync(TimeSpan timeout, CancellationToken ct = default) => Task.CompletedTask;

        public Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(ArticlePage page, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ArticleView?> GetArticleAsync(string articleId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<ActorSummary>> SearchActorsAsync(string? search, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ActorLedger?> GetLedgerAsync(string actorId, LedgerPage? page = null, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ContradictionView?> GetContradictionAsync(string id, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<long> ContradictionVersionAsync(string id, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ContradictionView> RecordVerdictAsync(string contradictionId, RecordVerdictRequest request, string reviewer, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public Task<RecordView> CorrectRecordAsync(string articleId, string recordId, CorrectRecordRequest request, string reviewer, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(StrikePage page, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<JsonObject?> GetClaimReviewAsync(string articleId, string recordId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(string? status = null, string? actor = null, ContradictionPage? page = null,
            CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ContradictionView> AssignAsync(string contradictionId, AssignRequest request, string by, CancellationToken ct = default) => throw new NotSupportedException();
        public Task ReleaseAsync(string contradictionId, string by, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ContradictionView> MarkDuplicateAsync(string contradictionId, DuplicateOfRequest request, string by, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public Task UndoDuplicateAsync(string contradictionId, string by, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ReviewStats> GetReviewStatsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    }
}
