using System.Security.Cryptography;
using System.Text;
using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Contradictions;

/// <summary>Finds contradictions across the records of many articles. Pure: records in, contradictions out; it knows
/// nothing of files or databases (the CLI keys articles by file name, the projections by article id).
/// Three passes, most specific first; a record used by one contradiction is not reused by a broader one:
/// 1. an explicit denial (balayer / démentir … "les accusations de X") against the claims it denies;
/// 2. the same strike event (same striker, shared place, same day; see <see cref="DayGrouping"/>) said to hit different targets, or given different numbers;
/// 3. per striker, its own camp's claims that it hits jihadists against other sources saying it hits the opposition.
/// Find runs the three over everything; the stages are public so that a projection can rerun only what a change touches.
/// Records are read with the knowledge base they were extracted with (its target words tell civilians from fighters); the
/// overloads without one use the embedded knowledge base, as <see cref="ArticleExtractor()"/> does.</summary>
public static class ContradictionFinder
{
    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleRecord> input) => Find(input, KnowledgeBase.Embedded);

    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleRecord> input, KnowledgeBase kb)
    {
        var records = input.ToList();
        var found = new List<Contradiction>();
        var used = new HashSet<RecordKey>();
        foreach (var article in records.GroupBy(r => r.ArticleKey))
        {
            var (inArticle, articleUsed) = FindInArticle(article.ToList(), kb);
            found.AddRange(inArticle);
            used.UnionWith(articleUsed);
        }
        var statements = StatementsByArticle(records);
        foreach (var cluster in EventClusters(EventCandidates(records, used)))
            found.AddRange(FindInCluster(cluster, statements, used));
        var campaigns = records.Where(r => !used.Contains(r.Key)).Select(r => (Record: r, Side: CampaignSideOf(r))).Where(x => x.Side is not null)
            .GroupBy(x => x.Side!.Value.Striker).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var byStriker in campaigns)
            if (Campaign(byStriker.Where(x => x.Side!.Value.Own).Select(x => x.Record).ToList(), byStriker.Where(x => !x.Side!.Value.Own).Select(x => x.Record).ToList()) is { } c)
                found.Add(c);
        return found;
    }

    // The three stages below are what Find is made of, exposed so that a projection can run each on just the part of the
    // data a change touches (an article; a cluster of strikes; one striker's campaign) and still find exactly what Find
    // finds over everything. Each stage depends only on its part and on the records earlier stages used.

    /// <summary>Stage 1, one article's records: explicit denials and rebuttals, read with the knowledge base the records were
    /// extracted with. Returns them and the records they use.</summary>
    public static (IReadOnlyList<Contradiction> Found, IReadOnlySet<RecordKey> Used) FindInArticle(IReadOnlyList<ArticleRecord> articleRecords, KnowledgeBase kb)
    {
        var statements = articleRecords.Where(r => r.Record is Statement).ToList();
        var strikes = articleRecords.Where(r => r.Record is Strike).ToList();
        var disputes = articleRecords.Where(r => r.Record is Dispute).ToList();
        var used = new HashSet<RecordKey>();
        var found = Denials(statements, strikes, disputes, used).ToList();
        found.AddRange(Rebuttals(statements, strikes, disputes, used, kb));
        found.AddRange(CiviliansOrFighters(statements, strikes, used, kb));
        return (found, used);
    }

    /// <summary>The strikes stage 2 considers: event-scope strikes that stage 1 did not use.</summary>
    public static IEnumerable<ArticleRecord> EventCandidates(IEnumerable<ArticleRecord> records, IReadOnlySet<RecordKey> usedInArticles) =>
        records.Where(r => r.Record is Strike { Scope: Strike.Event } && !usedInArticles.Contains(r.Key));

    /// <summary>Stage 2a: event strikes grouped into clusters of one strike event, singletons included, in input order: the
    /// same striker, a shared place and one day, an undated report joining the latest dated event it matches within three
    /// days before its article (<see cref="DayGrouping"/>), and <see cref="SameEvent"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<ArticleRecord>> EventClusters(IEnumerable<ArticleRecord> eventStrikes)
    {
        var events = eventStrikes.ToList();
        var reports = events.Select(r => new DayReport(((Strike)r.Record).Perpetrator.Id, ((Strike)r.Record).Locations.Select(Place).ToList(), DayOf(r),
            ((Strike)r.Record).Date is not null)).ToList();
        return DayGrouping.Group(reports, (i, j) => SameEvent(events[i], events[j]), i => ApartKey(events[i].ArticleKey, ((Strike)events[i].Record).ReportedBy?.Id))
            .Select(g => (IReadOnlyList<ArticleRecord>)g.Select(i => events[i]).ToList()).ToList();
    }

    private static DateOnly? DayOf(ArticleRecord strike) => DayGrouping.DayOf(((Strike)strike.Record).Date, strike.PublishedOn);

    /// <summary>Stage 2b: the contradictions of one cluster (different targets, else different numbers); adds the records they use.
    /// <paramref name="statements"/> must hold the statements of the cluster's articles (they carry the strikes' words), by
    /// article (<see cref="StatementsByArticle"/>).</summary>
    public static IReadOnlyList<Contradiction> FindInCluster(IReadOnlyList<ArticleRecord> cluster, ILookup<string, ArticleRecord> statements, HashSet<RecordKey> used) =>
        cluster.Count > 1 ? ClusterContradictions(cluster, statements, used).ToList() : [];

    /// <summary>The statements among <paramref name="records"/> by article, in their order, as <see cref="FindInCluster"/> takes
    /// them: a strike's words are looked for in its own article's statements, not in all of them (made once for many clusters,
    /// a pass over every statement for each strike made stage 2 grow with the square of the records).</summary>
    public static ILookup<string, ArticleRecord> StatementsByArticle(IEnumerable<ArticleRecord> records) =>
        records.Where(r => r.Record is Statement).ToLookup(r => r.ArticleKey, StringComparer.Ordinal);

    /// <summary>Stage 3 input: whether a record speaks for a striker's own camp ("we hit jihadists") or against it ("they hit the
    /// opposition"); null when it is neither. Only records no earlier stage used take part.</summary>
    public static (string Striker, bool Own)? CampaignSideOf(ArticleRecord r)
    {
        if (r.Record is Strike { Scope: not Strike.CampaignScope }) return null;
        return StanceOf(r) switch
        {
            { Position: TargetStance.Jihadists, FromStrikerSide: true } st => (st.Striker.Id, true),
            { Position: TargetStance.Opposition, FromStrikerSide: false } st => (st.Striker.Id, false),
            _ => null,
        };
    }

    /// <summary>Stage 3, one striker: its own camp's claims against other sources' (both in input order); null unless both exist.</summary>
    public static Contradiction? Campaign(IReadOnlyList<ArticleRecord> own, IReadOnlyList<ArticleRecord> others)
    {
        if (own.Count == 0 || others.Count == 0) return null;
        var stance = StanceOf(own[0])!;
        var striker = Say.Actor(stance.Striker);
        return new Contradiction(CampaignId(stance.Striker.Id),
            Say.Render("campaignAbout", ("striker", striker)),
            Contradiction.ClaimAndDenial,
            [
                new ContradictionSide(Say.Render("campaignOwnSide", ("striker", striker), ("position", Describe(TargetStance.Jihadists, striker))), own.Select(r => r.Key).ToList()),
                new ContradictionSide(Say.Render("campaignOthersSide", ("position", Describe(TargetStance.Opposition, striker))), others.Select(r => r.Key).ToList()),
            ]);
    }

    public static string CampaignId(string strikerId) => Id(Contradiction.ClaimAndDenial, "campaign|" + strikerId);

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
                    ? Say.RenderAgreeing("denialAbout", disputant, ("disputant", disputant), ("accusers", accusers), ("say", Say.Say(accusers)), ("striker", strikerPhrase))
                    : Say.RenderAgreeing("denialAboutOnDay", disputant, ("disputant", disputant), ("accusers", accusers), ("say", Say.Say(accusers)), ("striker", strikerPhrase), ("weekday", weekday)),
                Contradiction.ClaimAndDenial,
                [
                    new ContradictionSide(Say.Render("side", ("sources", accusers), ("position", Describe(claimStance.Position, strikerPhrase))), claimSide),
                    new ContradictionSide(Say.Render("denialSide", ("disputant", disputant), ("striker", strikerPhrase), ("position", Describe(Opposite(claimStance.Position), strikerPhrase))), denySide),
                ]);
        }
    }

    /// <summary>One striker's strike told in one article by one source as hitting civilians and by another as hitting fighters
    /// ("une école qui abritait des déplacés" / "des terroristes qui opéraient dans un centre de commandement"): the places agree
    /// (shared, or left unsaid by one side).</summary>
    private static IEnumerable<Contradiction> CiviliansOrFighters(List<ArticleRecord> statements, List<ArticleRecord> strikes, HashSet<RecordKey> used, KnowledgeBase kb)
    {
        foreach (var byStriker in strikes.Where(r => !used.Contains(r.Key)).GroupBy(r => (r.ArticleKey, ((Strike)r.Record).Perpetrator.Id)))
        {
            var accounts = byStriker.Select(r => (Rec: r, K: (Strike)r.Record, Side: TargetAccounts.Of((Strike)r.Record, kb))).Where(x => x.Side is not null).ToList();
            // Bounded: an article tells a handful of accounts of one striker's strike; a record-dense text must not pair thousands.
            var civil = accounts.Where(x => x.Side == TargetAccounts.Civilians).Take(MaxAccounts).ToList();
            var fighters = accounts.Where(x => x.Side == TargetAccounts.Fighters).Take(MaxAccounts).ToList();
            var pairs = civil.SelectMany(c => fighters.Where(f => f.K.ReportedBy?.Id != c.K.ReportedBy?.Id && PlacesAgree(c.K, f.K)).Select(f => (c, f))).ToList();
            if (pairs.Count == 0) continue;
            var civilSide = pairs.Select(p => p.c).DistinctBy(x => x.Rec.Key).ToList();
            var fighterSide = pairs.Select(p => p.f).DistinctBy(x => x.Rec.Key).ToList();
            var striker = Say.Actor(civilSide[0].K.Perpetrator);
            var places = civilSide.Concat(fighterSide).SelectMany(x => x.K.Locations).Where(p => !IsCountry(p)).DistinctBy(p => p.Name).Take(4).Select(Say.Place).ToList();
            var civilKeys = civilSide.SelectMany(x => new[] { x.Rec.Key }.Concat(Carriers(statements, x.Rec))).Distinct().ToList();
            var fighterKeys = fighterSide.SelectMany(x => new[] { x.Rec.Key }.Concat(Carriers(statements, x.Rec))).Distinct().Except(civilKeys).ToList();
            foreach (var k in civilKeys.Concat(fighterKeys)) used.Add(k);
            yield return new Contradiction(Id(Contradiction.DifferentTargets, "civil|" + string.Join(",", civilKeys.Concat(fighterKeys).Select(k => k.ToString()).Order(StringComparer.Ordinal))),
                places.Count > 0 ? Say.Render("targetsAbout", ("striker", striker), ("places", places)) : Say.Render("targetsAboutNoPlace", ("striker", striker)),
                Contradiction.DifferentTargets,
                [
                    new ContradictionSide(Say.Render("side", ("sources", Sources(civilSide.Select(x => x.K))), ("position", Say.Fill("stanceCivilians", ("striker", striker)))), civilKeys),
                    new ContradictionSide(Say.Render("side", ("sources", Sources(fighterSide.Select(x => x.K))), ("position", Say.Fill("stanceFighters", ("striker", striker)))), fighterKeys),
                ]);
        }
    }

    private const int MaxAccounts = 32;

    private static bool PlacesAgree(Strike a, Strike b)
    {
        var pa = a.Locations.Where(p => !IsCountry(p)).ToList();
        var pb = b.Locations.Where(p => !IsCountry(p)).ToList();
        return pa.Count == 0 || pb.Count == 0 || pa.Any(x => pb.Any(y => x.Id == y.Id || x.Province is not null && x.Province == y.Province));
    }

    /// <summary>A claim and its denial within one article: "a démenti cette information" against the claim reported just before,
    /// "a démenti avoir bombardé un hôpital" against other sources' reports of the striker hitting such a target.</summary>
    private static IEnumerable<Contradiction> Rebuttals(List<ArticleRecord> statements, List<ArticleRecord> strikes, List<ArticleRecord> disputes, HashSet<RecordKey> used, KnowledgeBase kb)
    {
        foreach (var group in disputes.Where(r => ((Dispute)r.Record).Basis is not null).GroupBy(r => (r.ArticleKey, ((Dispute)r.Record).Span)))
        {
            // A dispute an explicit denial of a striker's campaign already answered is not answered twice.
            if (group.Any(r => used.Contains(r.Key))) continue;
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
                // What it denies hitting may be a target ("un hôpital") or a place ("avoir bombardé Gandja").
                claimSide.AddRange(strikes.Where(k => k.ArticleKey == article && k.Record is Strike ks && ks.ReportedBy?.Id != denier
                    && (ks.Targets.Any(t => Words(t.Name).Overlaps(denied)) || ks.Locations.Any(l => Words(l.Name).Overlaps(denied))) && !used.Contains(k.Key)));
                // "a démenti avoir été impliquée dans ces frappes": the strikes pointed at are the denier's own told by others.
                if (claimSide.Count == 0 && PointsAtStrikes(first.Claim, kb))
                    claimSide.AddRange(strikes.Where(k => k.ArticleKey == article && k.Record is Strike ks && ks.Perpetrator.Id == denier
                        && ks.ReportedBy is { } by && by.Id != denier && ks.Span.End <= first.Span.Start + 1 && !used.Contains(k.Key)));
                var reporters = claimSide.Select(k => ((Strike)k.Record).ReportedBy?.Id).ToHashSet();
                var strikers = claimSide.Select(k => ((Strike)k.Record).Perpetrator.Id).ToHashSet();
                claimSide.AddRange(statements.Where(s => s.ArticleKey == article && s.Record is Statement st && reporters.Contains(st.Speaker.Id)
                    && claimSide.Any(k => k.Record is Strike ks && ks.Span.Overlaps(st.Span))));
                var ownActor = Say.Actor(first.Disputant);
                about = Say.RenderAgreeing("ownActionAbout", ownActor, ("disputant", ownActor), ("claim", first.Claim));
                if (strikers.Count == 0) continue;
            }
            else
            {
                var parties = group.Select(d => ((Dispute)d.Record).DisputedParty?.Id).Where(p => p is not null).ToHashSet();
                // The disputed parties' words just before the dispute, and the strikes they report there.
                // A claim rejected as reported before ("cette information") lies before the dispute; a claim contested by name
                // ("a rejeté le rapport de l'ONU", then the report's findings) may also follow it.
                var after = first.Basis == Dispute.ClaimContested;
                // The party's words, or the very words the dispute answers told by the party's spokesman (the dispute names the
                // ministry, the claim is its spokesman's).
                var claims = statements.Where(s => s.ArticleKey == article && s.Record is Statement st && (parties.Contains(st.Speaker.Id) || st.Text == first.Claim)
                    && (st.Span.End <= first.Span.Start && first.Span.Start - st.Span.End < 400 || after && st.Span.Start >= first.Span.End && st.Span.Start - first.Span.End < 400)
                    && !used.Contains(s.Key)).ToList();
                // The same claim told again by the same party further on ("avoir tué la moitié des commandants", after "les
                // affirmations de l'armée selon lesquelles la moitié de ses commandants auraient été tués"): it shares most of
                // the disputed claim's words.
                var claimed = Words(first.Claim);
                if (claimed.Count >= 2)
                    claims.AddRange(statements.Where(s => s.ArticleKey == article && s.Record is Statement st && parties.Contains(st.Speaker.Id) && !claims.Contains(s)
                        && !used.Contains(s.Key) && Words(st.Text) is var w && w.Count(claimed.Contains) * 2 >= Math.Min(claimed.Count, w.Count) && w.Count(claimed.Contains) >= 2));
                claimSide.AddRange(claims);
                var voices = claims.Select(c => ((Statement)c.Record).Speaker.Id).Concat(parties).ToHashSet();
                claimSide.AddRange(strikes.Where(k => k.ArticleKey == article && k.Record is Strike ks && ks.ReportedBy is { } r && voices.Contains(r.Id)
                    && claims.Any(c => ((Statement)c.Record).Span.Overlaps(ks.Span)) && !used.Contains(k.Key)));
                var partyNames = group.Select(d => ((Dispute)d.Record).DisputedParty).OfType<ActorRef>().DistinctBy(a => a.Id).Select(Say.Actor).ToList();
                var rebutter = Say.Actor(first.Disputant);
                about = Say.RenderAgreeing("rebuttalAbout", rebutter, ("disputant", rebutter), ("parties", partyNames), ("claim", first.Claim));
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

    /// <summary>"ces frappes", "cette attaque": the denied words point at strikes told before rather than naming what was hit.</summary>
    private static bool PointsAtStrikes(string claim, KnowledgeBase kb)
    {
        var words = Text.Fold.Text(claim).Split([' ', '\'', '-', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
            if (kb.Demonstratives.Contains(words[i]) && (kb.StrikeNouns.Contains(words[i + 1]) || kb.ContextualStrikeNouns.Contains(words[i + 1]))) return true;
        return false;
    }

    // Content words of a phrase, folded, for comparing what is denied with what is reported ("un hôpital" ~ "hôpital de campagne").
    private static HashSet<string> Words(string text) =>
        Text.Fold.Text(text).Split([' ', '\'', '-', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && w is not ("avoir" or "dans" or "province" or "ville" or "sont" or "etre")).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Contradiction> ClusterContradictions(IReadOnlyList<ArticleRecord> cluster, ILookup<string, ArticleRecord> statements, HashSet<RecordKey> used)
    {
        var strikesOf = cluster.Select(r => (Rec: r, K: (Strike)r.Record)).ToList();
        var perpetrator = Say.Actor(strikesOf[0].K.Perpetrator);
        var places = strikesOf.SelectMany(s => s.K.Locations).Where(p => !IsCountry(p)).DistinctBy(p => p.Name).Take(4).Select(Say.Place).ToList();
        var bySide = strikesOf.Where(s => s.K.Stance is not null).GroupBy(s => s.K.Stance!.Position).ToList();
        if (bySide.Count == 2 && bySide.All(g => g.Any()))
        {
            var sides = bySide.OrderBy(g => g.Key == TargetStance.Opposition ? 0 : 1).Select(g =>
            {
                var keys = g.SelectMany(s => new[] { s.Rec.Key }.Concat(Carriers(statements[s.Rec.ArticleKey], s.Rec))).Distinct().ToList();
                return new ContradictionSide(Say.Render("side", ("sources", Sources(g.Select(s => s.K))), ("position", Describe(g.Key, perpetrator))), keys);
            }).ToList();
            foreach (var k in sides.SelectMany(s => s.Records)) used.Add(k);
            yield return new Contradiction(Id(Contradiction.DifferentTargets, string.Join(",", cluster.Select(r => r.Key.ToString()).Order(StringComparer.Ordinal))),
                Say.Render("targetsAbout", ("striker", perpetrator), ("places", places)), Contradiction.DifferentTargets, sides);
            yield break;
        }
        foreach (var key in strikesOf.SelectMany(s => s.K.Counts.Keys).Distinct())
        {
            var values = strikesOf.Where(s => s.K.Counts.ContainsKey(key)).GroupBy(s => s.K.Counts[key]).ToList();
            if (values.Count < 2) continue;
            var sides = values.Select(g => new ContradictionSide(
                Say.Render("numbersSide", ("sources", Sources(g.Select(s => s.K))), ("count", g.Key), ("unit", Say.Unit(key))),
                g.SelectMany(s => new[] { s.Rec.Key }.Concat(Carriers(statements[s.Rec.ArticleKey], s.Rec))).Distinct().ToList())).ToList();
            foreach (var k in sides.SelectMany(s => s.Records)) used.Add(k);
            yield return new Contradiction(Id(Contradiction.DifferentNumbers, key + "|" + string.Join(",", cluster.Select(r => r.Key.ToString()).Order(StringComparer.Ordinal))),
                Say.Render("numbersAbout", ("unit", Say.Unit(key)), ("striker", perpetrator), ("places", places)), Contradiction.DifferentNumbers, sides);
        }
    }

    private static bool SameEvent(ArticleRecord a, ArticleRecord b)
    {
        var x = (Strike)a.Record;
        var y = (Strike)b.Record;
        return SameEvent(a.ArticleKey, x.ReportedBy?.Id, x.Weekday, b.ArticleKey, y.ReportedBy?.Id, y.Weekday);
    }

    /// <summary>The finder's rule beyond <see cref="DayGrouping"/>'s striker, place and day, on what a projection indexes: two
    /// reports of one article by one reporter are two strikes, and two weekdays that differ are two days even when no date
    /// could be resolved.</summary>
    public static bool SameEvent(string articleA, string? reporterA, string? weekdayA, string articleB, string? reporterB, string? weekdayB) =>
        !(articleA == articleB && reporterA == reporterB) && (weekdayA is null || weekdayB is null || weekdayA == weekdayB);

    /// <summary>Reports with the same key are never one event by <see cref="SameEvent"/> (one article, one reporter): what lets
    /// <see cref="DayGrouping"/> pass over them without testing each pair.</summary>
    public static string ApartKey(string article, string? reporter) => article + "\u001f" + (reporter ?? "\0");

    private static (string Id, string? Province) Place(PlaceRef p) => (p.Id, p.Province);

    private static bool IsCountry(PlaceRef p) => PlaceMatching.IsCountry(p.Id);

    // The statement that reports a strike, among its own article's statements: same reporter, its words inside the strike's sentences.
    private static IEnumerable<RecordKey> Carriers(IEnumerable<ArticleRecord> articleStatements, ArticleRecord strike)
    {
        var k = (Strike)strike.Record;
        return articleStatements.Where(s => s.Record is Statement st && k.ReportedBy?.Id == st.Speaker.Id && k.Span.Overlaps(st.Span)).Select(s => s.Key);
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

    /// <summary>Convenience for a batch of extractions keyed by file name (the CLI), with the embedded knowledge base.</summary>
    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleExtraction> articles) => Find(articles, KnowledgeBase.Embedded);

    /// <summary>Convenience for a batch of extractions keyed by file name, with the knowledge base they were extracted with.</summary>
    public static IReadOnlyList<Contradiction> Find(IEnumerable<ArticleExtraction> articles, KnowledgeBase kb) =>
        Find(articles.SelectMany(a => a.Statements.Cast<object>().Concat(a.Strikes).Concat(a.Disputes).Select(r => new ArticleRecord(a.File, a.PublishedOn, r))), kb);
}
