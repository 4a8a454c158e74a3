using System.Security.Cryptography;
using System.Text;

namespace Claims.Extraction.Contradictions;

/// <summary>Finds contradictions across the records of many articles. Pure: records in, contradictions out; it knows
/// nothing of files or databases (the CLI keys articles by file name, the projections by article id).
/// Three passes, most specific first; a record used by one contradiction is not reused by a broader one:
/// 1. an explicit denial (balayer / démentir … "les accusations de X") against the claims it denies;
/// 2. the same strike event (same striker, shared place, compatible day) said to hit different targets, or given different numbers;
/// 3. per striker, its own camp's claims that it hits jihadists against other sources saying it hits the opposition.</summary>
public static class ContradictionFinder
{
    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleRecord> input)
    {
        var records = input.ToList();
        var statements = records.Where(r => r.Record is Statement).ToList();
        var strikes = records.Where(r => r.Record is Strike).ToList();
        var disputes = records.Where(r => r.Record is Dispute).ToList();
        var used = new HashSet<RecordKey>();
        var found = new List<Contradiction>();
        found.AddRange(Denials(statements, strikes, disputes, used));
        found.AddRange(Rebuttals(statements, strikes, disputes, used));
        found.AddRange(Events(statements, strikes, used));
        found.AddRange(Campaigns(statements, strikes, used));
        return found;
    }

    private static IEnumerable<Contradiction> Denials(List<ArticleRecord> statements, List<ArticleRecord> strikes, List<ArticleRecord> disputes, HashSet<RecordKey> used)
    {
        foreach (var group in disputes.GroupBy(d => (d.ArticleKey, Disputant: ((Dispute)d.Record).Disputant.Id, ((Dispute)d.Record).Span)))
        {
            var article = group.Key.ArticleKey;
            var parties = group.Select(d => ((Dispute)d.Record).DisputedParty?.Id).Where(p => p is not null).ToHashSet();
            var span = group.Key.Span;
            var inArticle = statements.Where(s => s.ArticleKey == article).ToList();
            // The denied claims: what the disputed parties are reported to say in the disputed words.
            var claims = inArticle.Where(s => s.Record is Statement st && parties.Contains(st.Speaker.Id) && st.Span.Overlaps(span) && st.Stance is not null).ToList();
            if (claims.Count == 0) continue;
            var claimStance = ((Statement)claims[0].Record).Stance!;
            // A denial is the striker's camp rejecting what others say it hits (not others rejecting the striker's own claim).
            if (claimStance.FromStrikerSide) continue;
            var striker = claimStance.Striker.Id;
            var weekday = claims.Select(c => ((Statement)c.Record).Stance!.Weekday).FirstOrDefault(w => w is not null);
            var denial = inArticle.Where(s => s.Record is Statement st && st.Speaker.Id == group.Key.Disputant
                                              && (st.Span.Overlaps(span) || st.Stance is { Position: TargetStance.Jihadists } && st.Span.Start > span.Start && st.Span.Start - span.End < 600)).ToList();
            var sameClaim = inArticle.Where(s => s.Record is Statement { Stance: { } st } && st.Striker.Id == striker && st.Position == claimStance.Position && !st.FromStrikerSide
                                                 && weekday is not null && st.Weekday == weekday).ToList();
            var support = inArticle.Concat(strikes.Where(k => k.ArticleKey == article)).Where(r => StanceOf(r) is { } st && st.Striker.Id == striker
                && st.Position != claimStance.Position && st.FromStrikerSide && (weekday is null || st.Weekday == weekday)).ToList();
            var denySide = denial.Concat(support).Select(r => r.Key).Distinct().ToList();
            var claimSide = claims.Concat(sameClaim).Select(r => r.Key).Distinct().Except(denySide).ToList();
            if (denySide.Count == 0 || claimSide.Count == 0) continue;
            foreach (var k in denySide.Concat(claimSide)) used.Add(k);
            var disputant = Say.Actor(((Dispute)group.First().Record).Disputant);
            var accusers = group.Select(d => ((Dispute)d.Record).DisputedParty).OfType<ActorRef>().DistinctBy(a => a.Id).Select(Say.Actor).ToList();
            var strikerPhrase = Say.Actor(claimStance.Striker);
            yield return new Contradiction(Id(Contradiction.ClaimAndDenial, $"{article}|{group.Key.Disputant}|{span.Start}"),
                weekday is null
                    ? Say.Render("denialAbout", ("disputant", disputant), ("accusers", accusers), ("say", Say.Say(accusers)), ("striker", strikerPhrase))
                    : Say.Render("denialAboutOnDay", ("disputant", disputant), ("accusers", accusers), ("say", Say.Say(accusers)), ("striker", strikerPhrase), ("weekday", weekday)),
                Contradiction.ClaimAndDenial,
                [
                    new ContradictionSide(Say.Render("side", ("sources", accusers), ("position", Describe(claimStance.Position, strikerPhrase))), claimSide),
                    new ContradictionSide(Say.Render("denialSide", ("disputant", disputant), ("striker", strikerPhrase), ("position", Describe(Opposite(claimStance.Position), strikerPhrase))), denySide),
                ]);
        }
    }

    /// <summary>A claim and its denial within one article: "a démenti cette information" against the claim reported just before,
    /// "a démenti avoir bombardé un hôpital" against other sources' reports of the striker hitting such a target.</summary>
    private static IEnumerable<Contradiction> Rebuttals(List<ArticleRecord> statements, List<ArticleRecord> strikes, List<ArticleRecord> disputes, HashSet<RecordKey> used)
    {
        foreach (var group in disputes.Where(r => ((Dispute)r.Record).Basis is not null).GroupBy(r => (r.ArticleKey, ((Dispute)r.Record).Span)))
        {
            var article = group.Key.ArticleKey;
            var first = (Dispute)group.First().Record;
            var denier = first.Disputant.Id;
            var denial = statements.Where(s => s.ArticleKey == article && s.Record is Statement st && st.Speaker.Id == denier && st.Span.Overlaps(first.Span)).ToList();
            var claimSide = new List<ArticleRecord>();
            string about;
            if (first.Basis == Dispute.OwnActionDenied)
            {
                // The denier's own strikes, said by others to have hit what it denies hitting.
                var denied = Words(first.Claim);
                claimSide.AddRange(strikes.Where(k => k.ArticleKey == article && k.Record is Strike ks && ks.ReportedBy?.Id != denier
                    && ks.Targets.Any(t => Words(t.Name).Overlaps(denied)) && !used.Contains(k.Key)));
                var reporters = claimSide.Select(k => ((Strike)k.Record).ReportedBy?.Id).ToHashSet();
                var strikers = claimSide.Select(k => ((Strike)k.Record).Perpetrator.Id).ToHashSet();
                claimSide.AddRange(statements.Where(s => s.ArticleKey == article && s.Record is Statement st && reporters.Contains(st.Speaker.Id)
                    && claimSide.Any(k => k.Record is Strike ks && ks.Span.Overlaps(st.Span))));
                about = Say.Render("ownActionAbout", ("disputant", Say.Actor(first.Disputant)), ("claim", first.Claim));
                if (strikers.Count == 0) continue;
            }
            else
            {
                var parties = group.Select(d => ((Dispute)d.Record).DisputedParty?.Id).Where(p => p is not null).ToHashSet();
                // The disputed parties' words just before the dispute, and the strikes they report there.
                var claims = statements.Where(s => s.ArticleKey == article && s.Record is Statement st && parties.Contains(st.Speaker.Id)
                    && st.Span.End <= first.Span.Start && first.Span.Start - st.Span.End < 400 && !used.Contains(s.Key)).ToList();
                claimSide.AddRange(claims);
                claimSide.AddRange(strikes.Where(k => k.ArticleKey == article && k.Record is Strike ks && ks.ReportedBy is { } r && parties.Contains(r.Id)
                    && claims.Any(c => ((Statement)c.Record).Span.Overlaps(ks.Span)) && !used.Contains(k.Key)));
                var partyNames = group.Select(d => ((Dispute)d.Record).DisputedParty).OfType<ActorRef>().DistinctBy(a => a.Id).Select(Say.Actor).ToList();
                about = Say.Render("rebuttalAbout", ("disputant", Say.Actor(first.Disputant)), ("parties", partyNames), ("claim", first.Claim));
            }
            var denySide = group.Concat(denial).Select(r => r.Key).Distinct().ToList();
            var claimKeys = claimSide.Select(r => r.Key).Distinct().Except(denySide).ToList();
            if (claimKeys.Count == 0) continue;
            foreach (var k in denySide.Concat(claimKeys)) used.Add(k);
            yield return new Contradiction(Id(Contradiction.ClaimAndDenial, $"{article}|rebuttal|{denier}|{first.Span.Start}"), about, Contradiction.ClaimAndDenial,
            [
                new ContradictionSide(Say.Render("rebuttalClaimSide"), claimKeys),
                new ContradictionSide(Say.Render("rebuttalDenialSide", ("disputant", Say.Actor(first.Disputant))), denySide),
            ]);
        }
    }

    // Content words of a phrase, folded, for comparing what is denied with what is reported ("un hôpital" ~ "hôpital de campagne").
    private static HashSet<string> Words(string text) =>
        Text.Fold.Text(text).Split([' ', '\'', '-', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && w is not ("avoir" or "dans" or "province" or "ville" or "sont" or "etre")).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Contradiction> Events(List<ArticleRecord> statements, List<ArticleRecord> strikes, HashSet<RecordKey> used)
    {
        var events = strikes.Where(r => ((Strike)r.Record).Scope == Strike.Event && !used.Contains(r.Key)).ToList();
        var parent = Enumerable.Range(0, events.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < events.Count; i++)
            for (var j = i + 1; j < events.Count; j++)
                if (SameEvent(events[i], events[j])) parent[Find(i)] = Find(j);

        foreach (var cluster in Enumerable.Range(0, events.Count).GroupBy(Find).Select(g => g.Select(i => events[i]).ToList()).Where(c => c.Count > 1))
        {
            var strikesOf = cluster.Select(r => (Rec: r, K: (Strike)r.Record)).ToList();
            var perpetrator = Say.Actor(strikesOf[0].K.Perpetrator);
            var places = strikesOf.SelectMany(s => s.K.Locations).Where(p => !IsCountry(p)).DistinctBy(p => p.Name).Take(4).Select(Say.Place).ToList();
            var bySide = strikesOf.Where(s => s.K.Stance is not null).GroupBy(s => s.K.Stance!.Position).ToList();
            if (bySide.Count == 2 && bySide.All(g => g.Any()))
            {
                var sides = bySide.OrderBy(g => g.Key == TargetStance.Opposition ? 0 : 1).Select(g =>
                {
                    var keys = g.SelectMany(s => new[] { s.Rec.Key }.Concat(Carriers(statements, s.Rec))).Distinct().ToList();
                    return new ContradictionSide(Say.Render("side", ("sources", Sources(g.Select(s => s.K))), ("position", Describe(g.Key, perpetrator))), keys);
                }).ToList();
                foreach (var k in sides.SelectMany(s => s.Records)) used.Add(k);
                yield return new Contradiction(Id(Contradiction.DifferentTargets, string.Join(",", cluster.Select(r => r.Key.ToString()).Order(StringComparer.Ordinal))),
                    Say.Render("targetsAbout", ("striker", perpetrator), ("places", places)), Contradiction.DifferentTargets, sides);
                continue;
            }
            foreach (var key in strikesOf.SelectMany(s => s.K.Counts.Keys).Distinct())
            {
                var values = strikesOf.Where(s => s.K.Counts.ContainsKey(key)).GroupBy(s => s.K.Counts[key]).ToList();
                if (values.Count < 2) continue;
                var sides = values.Select(g => new ContradictionSide(
                    Say.Render("numbersSide", ("sources", Sources(g.Select(s => s.K))), ("count", g.Key), ("unit", Say.Unit(key))),
                    g.SelectMany(s => new[] { s.Rec.Key }.Concat(Carriers(statements, s.Rec))).Distinct().ToList())).ToList();
                foreach (var k in sides.SelectMany(s => s.Records)) used.Add(k);
                yield return new Contradiction(Id(Contradiction.DifferentNumbers, key + "|" + string.Join(",", cluster.Select(r => r.Key.ToString()).Order(StringComparer.Ordinal))),
                    Say.Render("numbersAbout", ("unit", Say.Unit(key)), ("striker", perpetrator), ("places", places)), Contradiction.DifferentNumbers, sides);
            }
        }
    }

    private static IEnumerable<Contradiction> Campaigns(List<ArticleRecord> statements, List<ArticleRecord> strikes, HashSet<RecordKey> used)
    {
        var candidates = statements.Concat(strikes.Where(k => ((Strike)k.Record).Scope == Strike.CampaignScope))
            .Where(r => !used.Contains(r.Key) && StanceOf(r) is not null).ToList();
        foreach (var byStriker in candidates.GroupBy(r => StanceOf(r)!.Striker.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var own = byStriker.Where(r => StanceOf(r) is { Position: TargetStance.Jihadists, FromStrikerSide: true }).ToList();
            var others = byStriker.Where(r => StanceOf(r) is { Position: TargetStance.Opposition, FromStrikerSide: false }).ToList();
            if (own.Count == 0 || others.Count == 0) continue;
            var striker = Say.Actor(StanceOf(own[0])!.Striker);
            yield return new Contradiction(Id(Contradiction.ClaimAndDenial, "campaign|" + byStriker.Key),
                Say.Render("campaignAbout", ("striker", striker)),
                Contradiction.ClaimAndDenial,
                [
                    new ContradictionSide(Say.Render("campaignOwnSide", ("striker", striker), ("position", Describe(TargetStance.Jihadists, striker))), own.Select(r => r.Key).ToList()),
                    new ContradictionSide(Say.Render("campaignOthersSide", ("position", Describe(TargetStance.Opposition, striker))), others.Select(r => r.Key).ToList()),
                ]);
        }
    }

    private static bool SameEvent(ArticleRecord a, ArticleRecord b)
    {
        var x = (Strike)a.Record;
        var y = (Strike)b.Record;
        if (x.Perpetrator.Id != y.Perpetrator.Id) return false;
        if (a.ArticleKey == b.ArticleKey && x.ReportedBy?.Id == y.ReportedBy?.Id) return false;
        if (x.Date is { } dx && y.Date is { } dy && dx != dy) return false;
        if (x.Weekday is { } wx && y.Weekday is { } wy && wx != wy) return false;
        if (a.PublishedOn is { } pa && b.PublishedOn is { } pb && Math.Abs(pa.DayNumber - pb.DayNumber) > 3) return false;
        return SharePlace(x, y);
    }

    // Same place, or a province and a place inside it (two towns of one province are not the same place).
    private static bool SharePlace(Strike x, Strike y) =>
        x.Locations.Where(p => !IsCountry(p)).Any(a => y.Locations.Where(p => !IsCountry(p)).Any(b => a.Id == b.Id || Within(a, b) || Within(b, a)));

    private static bool Within(PlaceRef place, PlaceRef province) =>
        province.Id.StartsWith("province-", StringComparison.Ordinal) && place.Province is { } p && Norm(p) == Norm(province.Province ?? "");

    private static string Norm(string s) => Text.Fold.Slug(s);

    private static bool IsCountry(PlaceRef p) => p.Id is "syrie" or "irak" or "iran" or "turquie" or "liban" or "jordanie" or "israel" or "russie" or "yemen" or "libye" or "afghanistan";

    // The statement that reports a strike (same article, same reporter, its words inside the strike's sentences).
    private static IEnumerable<RecordKey> Carriers(List<ArticleRecord> statements, ArticleRecord strike)
    {
        var k = (Strike)strike.Record;
        return statements.Where(s => s.ArticleKey == strike.ArticleKey && s.Record is Statement st && k.ReportedBy?.Id == st.Speaker.Id && k.Span.Overlaps(st.Span)).Select(s => s.Key);
    }

    private static TargetStance? StanceOf(ArticleRecord r) => r.Record switch
    {
        Statement s => s.Stance,
        Strike k => k.Stance,
        _ => null,
    };

    private static string Opposite(string position) => position == TargetStance.Jihadists ? TargetStance.Opposition : TargetStance.Jihadists;

    // The wording lives in Data/phrasing.json (French, for the fact-checkers); ids never depend on it.
    private static FrenchPhrasing Say => FrenchPhrasing.Default;

    // What a position says; it follows a source and a colon ("Sergueï Choïgou : les frappes de la Russie visent…"), so not capitalised.
    private static string Describe(string position, NounPhrase striker) =>
        Say.Fill(position == TargetStance.Jihadists ? "stanceJihadists" : "stanceOpposition", ("striker", striker));

    // Who reports the strikes; the article itself when it says so in its own voice.
    private static List<NounPhrase> Sources(IEnumerable<Strike> strikes) =>
        strikes.Select(k => k.ReportedBy is { } r ? Say.Actor(r) : Say.TheArticle).Distinct().ToList();

    private static string Id(string kind, string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "|" + subject));
        return "c-" + Convert.ToHexString(hash, 0, 5).ToLowerInvariant();
    }

    /// <summary>Convenience for a batch of extractions keyed by file name (the CLI).</summary>
    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleExtraction> articles) =>
        Find(articles.SelectMany(a => a.Statements.Cast<object>().Concat(a.Strikes).Concat(a.Disputes).Select(r => new ArticleRecord(a.File, a.PublishedOn, r))));
}
