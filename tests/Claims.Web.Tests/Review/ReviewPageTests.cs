using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Claims.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Web.Tests.Review;

/// <summary>
/// The review page in a real Chromium against the real server (API, event feed, page) on a real PostgreSQL with the seeds.
/// Expected values come from the JSON API of the same server, never from copies in the test.
/// </summary>
public sealed class ReviewPageTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_list_shows_every_seed_contradiction_with_its_subject_and_sides()
    {
        var contradictions = (await site.GetJsonAsync("/contradictions")).AsArray();
        Assert.NotEmpty(contradictions);
        await using var tab = await site.OpenAsync();

        var items = tab.Page.Locator("ol.contradictions > li");
        await Expect(items).ToHaveCountAsync(contradictions.Count);
        foreach (var c in contradictions)
        {
            var item = tab.Page.Locator($"article[data-id='{(string)c!["id"]!}']");
            // The subject as the API has it, accents included (UTF-8 end to end).
            await Expect(item.GetByRole(AriaRole.Heading)).ToHaveTextAsync((string)c["about"]!);
            var sides = c["sides"]!.AsArray();
            await Expect(item.Locator(".sides-glance > li")).ToHaveCountAsync(sides.Count);
            foreach (var side in sides)
                await Expect(item.Locator(".sides-glance .position", new() { HasText = (string)side!["position"]! })).ToHaveCountAsync(1);
            // Every speaker of the contradiction links to their ledger.
            foreach (var actor in sides.SelectMany(s => s!["records"]!.AsArray()).Select(r => (string)r!["actor"]!["id"]!).Distinct())
                await Expect(item.Locator($".sides-glance a[href='#/actors/{Uri.EscapeDataString(actor)}']").First).ToBeVisibleAsync();
        }
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_contradiction_shows_both_sides_with_each_record_highlighted_in_its_article()
    {
        var id = await SmallestContradictionAsync();
        var contradiction = await site.GetJsonAsync($"/contradictions/{id}");
        await using var tab = await site.OpenAsync();

        // Keyboard only: focus the contradiction's link and follow it with Enter.
        await tab.Page.Locator($"article[data-id='{id}'] h2 a").FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync((string)contradiction["about"]!);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();

        var sides = contradiction["sides"]!.AsArray();
        Assert.True(sides.Count >= 2, $"{id} has {sides.Count} side(s)");
        await Expect(tab.Page.Locator("section.side")).ToHaveCountAsync(sides.Count);
        for (var i = 0; i < sides.Count; i++)
        {
            var section = tab.Page.Locator("section.side").Nth(i);
            await Expect(section.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync((string)sides[i]!["position"]!);
            foreach (var record in sides[i]!["records"]!.AsArray())
            {
                var articleId = (string)record!["articleId"]!;
                var article = await site.GetJsonAsync($"/articles/{articleId}");
                var text = (string)article["text"]!;
                var span = record["span"]!.AsArray().Select(n => (int)n!).ToArray();
                var card = section.Locator($"article.record[data-record='{articleId}/{(string)record["recordId"]!}']");
                await Expect(card.Locator(".record-who a.actor")).ToHaveTextAsync((string)record["actor"]!["name"]!);
                // The highlighted words are exactly the article's characters at the record's span, inside their paragraph.
                await Expect(card.Locator("blockquote.excerpt mark")).ToHaveTextAsync(text[span[0]..span[1]]);
                var excerpt = await card.Locator("blockquote.excerpt").InnerTextAsync();
                Assert.True(excerpt.Length > span[1] - span[0], "the excerpt shows the words inside their context");
            }
        }
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_verdict_changes_the_status_shows_in_the_history_and_survives_a_reload()
    {
        var id = (string)(await site.GetJsonAsync("/contradictions?status=open")).AsArray().Last()!["id"]!;
        await using var tab = await site.OpenAsync($"#/contradictions/{id}");
        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveAttributeAsync("data-status", "open");

        const string note = "Vérifié : les deux dépêches ne parlent pas du même jour — à revoir « plus tard ».";
        await tab.Page.GetByLabel("Écartée").CheckAsync();
        await tab.Page.GetByLabel("Note (sources, raisonnement)").FillAsync(note);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le verdict" }).ClickAsync();

        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveAttributeAsync("data-status", "dismissed");
        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveTextAsync("écartée");
        var entry = tab.Page.Locator(".history .verdicts > li").First;
        await Expect(entry).ToContainTextAsync("local");
        await Expect(entry.Locator(".note")).ToHaveTextAsync(note);

        await tab.Page.ReloadAsync();
        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveAttributeAsync("data-status", "dismissed");
        await Expect(tab.Page.Locator(".history .verdicts .note")).ToHaveTextAsync(note);
        var stored = await site.GetJsonAsync($"/contradictions/{id}");
        Assert.Equal("dismissed", (string)stored["status"]!);
        Assert.Equal(note, (string)stored["history"]!.AsArray().Last()!["note"]!);

        // The list's status filter finds it under its new status.
        await tab.Page.GotoAsync("/#/contradictions");
        await tab.Page.GetByLabel("Statut").SelectOptionAsync("dismissed");
        await Expect(tab.Page.Locator($"article[data-id='{id}']")).ToHaveAttributeAsync("data-status", "dismissed");
        await Expect(tab.Page.Locator("article[data-status='open']")).ToHaveCountAsync(0);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_ingest_form_adds_an_article_and_shows_its_records()
    {
        await using var tab = await site.OpenAsync("#/ingest");
        await tab.Page.GetByLabel("Contenu de l’article").FillAsync(
            "Genève, 9 octobre. Le chef de la diplomatie russe Sergueï Lavrov a affirmé vendredi que les frappes russes visaient " +
            "\"uniquement des terroristes\" en Syrie. Le secrétaire américain à la Défense Ashton Carter a estimé que ces frappes " +
            "ne visaient \"probablement pas\" l'Etat islamique, selon un communiqué publié à Washington.");
        await tab.Page.GetByLabel("Média").FillAsync("Le Temps (essai)");
        await tab.Page.GetByLabel("Adresse (URL)").FillAsync("https://example.org/geneve-frappes");
        await tab.Page.GetByLabel("Date de publication").FillAsync("2015-10-09");
        await tab.Page.GetByLabel("Titre").FillAsync("Frappes russes : Lavrov et Carter s’opposent");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Ingérer" }).ClickAsync();

        var result = tab.Page.Locator(".ingest-result");
        await Expect(result.Locator("section.article")).ToBeVisibleAsync();
        var articleId = await result.Locator("section.article").GetAttributeAsync("data-article");
        var article = await site.GetJsonAsync($"/articles/{articleId}");
        Assert.Equal("Le Temps (essai)", (string)article["outlet"]!);
        var records = article["records"]!.AsArray();
        Assert.NotEmpty(records);
        await Expect(result.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Article ingéré : {records.Count} enregistrement{(records.Count == 1 ? "" : "s")}");
        await Expect(result.Locator("article.record")).ToHaveCountAsync(records.Count);
        foreach (var record in records)
            await Expect(result.Locator($"article.record[data-record='{articleId}/{(string)record!["recordId"]!}'] .record-who a.actor"))
                .ToHaveTextAsync((string)record["actor"]!["name"]!);

        // It is now among the articles.
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await Expect(tab.Page.Locator($"li[data-article='{articleId}'] h2")).ToHaveTextAsync("Frappes russes : Lavrov et Carter s’opposent");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        const string script = "<script>window.__claimsPwned = 'script';</script>";
        const string image = "<img src=x onerror=\"window.__claimsPwned = 'img'\">";
        await using var tab = await site.OpenAsync("#/ingest");
        await tab.Page.GetByLabel("Contenu de l’article").FillAsync(
            $"Damas, 10 octobre. {script} Le ministre syrien a affirmé samedi que {image} <b>l'armée</b> avançait vers Alep. " +
            "Le chef de la diplomatie russe Sergueï Lavrov a affirmé samedi que les frappes visaient <i>uniquement</i> des terroristes.");
        await tab.Page.GetByLabel("Titre").FillAsync($"Titre {script}");
        await tab.Page.GetByLabel("Média").FillAsync($"<em>Média</em>{image}");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Ingérer" }).ClickAsync();
        var articleId = await tab.Page.Locator(".ingest-result section.article").GetAttributeAsync("data-article");

        await tab.Page.GotoAsync($"/#/articles/{articleId}");
        var text = tab.Page.Locator("section.text-of-article .article-text");
        await Expect(text).ToContainTextAsync(script);
        await Expect(text).ToContainTextAsync(image);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Titre {script}");
        await Expect(tab.Main).ToContainTextAsync($"<em>Média</em>{image}");
        // Nothing of the article became an element, and nothing ran.
        await Expect(tab.Main.Locator("script, img, b, i, em")).ToHaveCountAsync(0);
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => window.__claimsPwned ?? null"));
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Pasted_html_is_reduced_to_its_text_and_escaped_markup_in_it_stays_text()
    {
        await using var tab = await site.OpenAsync("#/ingest");
        await tab.Page.GetByLabel("HTML (page enregistrée)").CheckAsync();
        await tab.Page.GetByLabel("Contenu de l’article").FillAsync(
            "<html><head><title>Alep</title><script>window.__claimsPwned = 'head';</script></head><body>" +
            "<p>Alep, 12 octobre. Le chef de la diplomatie russe Sergueï Lavrov a affirmé lundi que les frappes visaient des terroristes.</p>" +
            "<p>Un lecteur a écrit &lt;script&gt;window.__claimsPwned = 'escaped'&lt;/script&gt; dans un commentaire.</p>" +
            "<img src=x onerror=\"window.__claimsPwned = 'img'\"></body></html>");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Ingérer" }).ClickAsync();
        var articleId = await tab.Page.Locator(".ingest-result section.article").GetAttributeAsync("data-article");
        var stored = (string)(await site.GetJsonAsync($"/articles/{articleId}"))["text"]!;
        Assert.Contains("<script>window.__claimsPwned = 'escaped'</script>", stored);

        await tab.Page.GotoAsync($"/#/articles/{articleId}");
        await Expect(tab.Page.Locator("section.text-of-article .article-text")).ToContainTextAsync("<script>window.__claimsPwned = 'escaped'</script>");
        await Expect(tab.Main.Locator("script, img")).ToHaveCountAsync(0);
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => window.__claimsPwned ?? null"));
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task New_articles_and_verdicts_appear_without_a_reload()
    {
        await using var tab = await site.OpenAsync("#/articles");
        await Expect(tab.Page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        await tab.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        // Going live asks where the feed ends; it does not page through the log (one request per thousand events).
        var feedReads = await tab.Page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/events') && p !== '/events/live')");
        Assert.Equal(["/events/head"], feedReads);

        using var client = site.Client();
        using var posted = await client.PostAsJsonAsync("/articles", new JsonObject
        {
            ["text"] = "Moscou, 11 octobre. Le porte-parole Igor Konachenkov a déclaré dimanche que l'aviation russe avait frappé 63 cibles.",
            ["outlet"] = "Agence en direct",
            ["title"] = "Arrivé en direct : 63 cibles selon Moscou",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await Expect(tab.Page.Locator("ol.articles h2", new() { HasText = "Arrivé en direct : 63 cibles selon Moscou" })).ToBeVisibleAsync();

        var id = (string)(await site.GetJsonAsync("/contradictions?status=open")).AsArray().First()!["id"]!;
        await tab.Page.GotoAsync($"/#/contradictions/{id}");
        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveAttributeAsync("data-status", "open");
        using var verdict = await client.PostAsJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "needs-evidence", ["note"] = "Une autre relectrice" });
        Assert.Equal(HttpStatusCode.Created, verdict.StatusCode);
        await Expect(tab.Page.Locator(".meta [data-status]")).ToHaveAttributeAsync("data-status", "needs-evidence");
        await Expect(tab.Page.Locator(".history .note")).ToHaveTextAsync("Une autre relectrice");

        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Ledgers_and_the_strike_timeline_are_linked_from_actors_and_places()
    {
        var incidents = (await site.GetJsonAsync("/strikes")).AsArray();
        Assert.NotEmpty(incidents);
        var incident = incidents.First()!;
        var perpetrator = incident["perpetrator"]!;
        var place = incident["places"]!.AsArray().First()!;
        await using var tab = await site.OpenAsync("#/strikes");

        await Expect(tab.Page.Locator("ol.timeline > li")).ToHaveCountAsync(incidents.Count);
        await Expect(tab.Page.Locator($"li[data-incident='{(string)incident["id"]!}'] [data-grade]")).ToHaveAttributeAsync("data-grade", (string)incident["grade"]!);

        // A place narrows the timeline to the incidents there.
        await tab.Page.Locator($"li[data-incident='{(string)incident["id"]!}'] a.place", new() { HasText = (string)place["name"]! }).First.ClickAsync();
        var atPlace = incidents.Count(i => i!["places"]!.AsArray().Any(p => (string)p!["id"]! == (string)place["id"]!));
        await Expect(tab.Page.Locator("ol.timeline > li")).ToHaveCountAsync(atPlace);
        await Expect(tab.Page.GetByLabel("Lieu", new() { Exact = true })).ToHaveValueAsync((string)place["id"]!);

        // The perpetrator's name opens their ledger.
        await tab.Page.Locator($"li[data-incident='{(string)incident["id"]!}'] h2 a.actor").ClickAsync();
        var ledger = await site.GetJsonAsync($"/actors/{(string)perpetrator["id"]!}/ledger");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync((string)perpetrator["name"]!);
        var attributed = ledger["strikesAttributed"]!.AsArray().Count;
        await Expect(tab.Page.Locator("#ledger-strikesAttributed article.record")).ToHaveCountAsync(attributed);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Lists_longer_than_a_page_are_shown_whole_by_following_the_next_links()
    {
        var articles = (await site.GetJsonAsync("/articles")).AsArray();
        var incidents = (await site.GetJsonAsync("/strikes")).AsArray();
        var contradictions = (await site.GetJsonAsync("/contradictions")).AsArray();
        var actor = (string)incidents[0]!["perpetrator"]!["id"]!;
        var attributed = (await site.GetJsonAsync($"/actors/{actor}/ledger"))["strikesAttributed"]!.AsArray().Count;
        Assert.True(new[] { articles.Count, incidents.Count, contradictions.Count, attributed }.All(n => n > 1), "each list needs more than one page of one");
        await using var tab = await site.OpenAsync();
        // Every list the page reads is asked for one entry a page (the server's own paging, Link headers included).
        await tab.Page.RouteAsync(url => new Uri(url).AbsolutePath is "/articles" or "/strikes" or "/contradictions" || new Uri(url).AbsolutePath.EndsWith("/ledger"),
            route => route.ContinueAsync(new() { Url = route.Request.Url.Contains("limit=") ? route.Request.Url
                : route.Request.Url + (route.Request.Url.Contains('?') ? "&" : "?") + "limit=1" }));

        await tab.Page.GotoAsync("/#/articles");
        await Expect(tab.Page.Locator("ol.articles > li")).ToHaveCountAsync(articles.Count);
        await tab.Page.GotoAsync("/#/strikes");
        await Expect(tab.Page.Locator("ol.timeline > li")).ToHaveCountAsync(incidents.Count);
        await tab.Page.GotoAsync("/#/contradictions");
        await Expect(tab.Page.Locator("ol.contradictions > li")).ToHaveCountAsync(contradictions.Count);
        await tab.Page.GotoAsync($"/#/actors/{Uri.EscapeDataString(actor)}");
        await Expect(tab.Page.Locator("#ledger-strikesAttributed article.record")).ToHaveCountAsync(attributed);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task On_a_phone_the_contradiction_page_fits_the_screen_and_a_screenshot_goes_to_the_readme()
    {
        var id = await SmallestContradictionAsync();
        await using (var phone = await site.OpenAsync($"#/contradictions/{id}", width: 390, height: 844))
        {
            await Expect(phone.Page.Locator("section.side mark").First).ToBeVisibleAsync();
            var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone");
            // One column: the second side starts below the first, not beside it.
            var first = await phone.Page.Locator("section.side").Nth(0).BoundingBoxAsync();
            var second = await phone.Page.Locator("section.side").Nth(1).BoundingBoxAsync();
            Assert.True(second!.Y >= first!.Y + first.Height, "the sides are stacked on a phone");
            phone.AssertNoErrors();
        }

        await using var laptop = await site.OpenAsync($"#/contradictions/{id}", width: 1280, height: 900);
        await Expect(laptop.Page.Locator("section.side mark").First).ToBeVisibleAsync();
        await Expect(laptop.Page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        Directory.CreateDirectory(Repository.Screenshots);
        await laptop.Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "contradiction.png"), FullPage = true });
        laptop.AssertNoErrors();
    }

    /// <summary>The contradiction with the fewest records that still has two sides: quick to check, readable in a screenshot.</summary>
    private async Task<string> SmallestContradictionAsync()
    {
        var all = (await site.GetJsonAsync("/contradictions")).AsArray();
        return all.Where(c => c!["sides"]!.AsArray().Count >= 2)
            .OrderBy(c => c!["sides"]!.AsArray().Sum(s => s!["records"]!.AsArray().Count))
            .Select(c => (string)c!["id"]!)
            .First();
    }
}
