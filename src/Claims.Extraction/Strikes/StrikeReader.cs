using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;
using Claims.Extraction.Statements;
using Claims.Extraction.Text;

namespace Claims.Extraction.Strikes;

/// <summary>A strike report being built from one or more sentences.</summary>
public sealed class StrikeDraft
{
    public required ActorEntry Perpetrator { get; init; }
    public ActorEntry? ReportedBy { get; set; }
    /// <summary>Read from "présentées par X comme…": X's own account of the targets, told inside someone else's words.</summary>
    public bool Presented { get; init; }
    public List<PlaceEntry> Places { get; } = [];
    public List<(string Id, string Name, string? Class)> Targets { get; } = [];
    public string? Weapon { get; set; }
    public DateOnly? Date { get; set; }
    public string? Weekday { get; set; }
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    public required string Scope { get; init; }
    public required int Block { get; init; }
    public required int FirstSentence { get; init; }
    public int LastSentence { get; set; }
    public Span Span { get; set; }
    public List<int> Triggers { get; } = [];
    /// <summary>A strike word that takes up one told before: "le raid", "ces frappes", "la première frappe".</summary>
    public bool Retelling { get; set; }
    /// <summary>A strike word that tells another strike: "de nouvelles frappes", "d'autres raids".</summary>
    public bool NewStrike { get; set; }

    /// <summary>The same strike of this sentence carried out by <paramref name="perpetrator"/> as <paramref name="reportedBy"/>
    /// tells it (another striker coordinated with this one, another source, each accuser of a reciprocal accusation), with
    /// the targets <paramref name="keep"/> accepts.</summary>
    public StrikeDraft As(ActorEntry perpetrator, ActorEntry? reportedBy, Func<(string Id, string Name, string? Class), bool>? keep = null)
    {
        var copy = new StrikeDraft { Perpetrator = perpetrator, ReportedBy = reportedBy, Scope = Scope, Block = Block, FirstSentence = FirstSentence, LastSentence = FirstSentence, Span = Span, Date = Date, Weekday = Weekday, Weapon = Weapon };
        copy.Places.AddRange(Places);
        copy.Targets.AddRange(keep is null ? Targets : Targets.Where(keep));
        foreach (var (key, value) in Counts) copy.Counts[key] = value;
        copy.Triggers.AddRange(Triggers);
        return copy;
    }
}

/// <summary>Finds strike reports: a strike word (frappes, raids, bombardements, tirs de missiles, a bombardé, ont été visées…)
/// that is not negated, not wished for ("appelé Moscou à concentrer ses bombardements") and has a place or a target.
/// The striker is the agent ("menées par les Russes"), the subject, the adjective ("frappes russes"), the speaker's own
/// state, or the striker of the story. The reporter is the speaker of the statement that carries it.</summary>
public sealed class StrikeReader(ArticleContext ctx, List<StatementDraft> statements)
{
    private readonly KnowledgeBase _kb = ctx.Kb;
    private readonly List<Token> _t = ctx.Tokens;
    // Statements by the sentences they cover, in reading order: each sentence looks only at its own (a scan of every
    // statement per sentence made long articles quadratic).
    private readonly List<StatementDraft>[] _bySentence = BySentence(ctx, statements);
    // How many reports each striker has so far, with the order it first appeared in: the story's striker, kept as drafts come.
    private readonly Dictionary<string, (int Count, int First, ActorEntry Actor)> _strikers = new(StringComparer.Ordinal);

    private static List<StatementDraft>[] BySentence(ArticleContext ctx, List<StatementDraft> statements)
    {
        var buckets = new List<StatementDraft>[ctx.Doc.Sentences.Count];
        foreach (var d in statements)
            for (var k = d.Sentence; k <= Math.Min(d.LastSentence, buckets.Length - 1); k++) (buckets[k] ??= []).Add(d);
        return buckets;
    }

    private IEnumerable<StatementDraft> StatementsOf(int si) => _bySentence[si] ?? (IEnumerable<StatementDraft>)[];

    public List<StrikeDraft> Read()
    {
        var drafts = ReadOnce();
        // Strikes told before any striker was named, in an article whose reports all have one striker (or, with none kept, whose
        // strike words name one: "Selon l'OSDH, les raids ont été menés par l'aviation russe"): read again with that striker as
        // the story's from the start. An article of several strikers leaves them nobody's.
        if (!_unattributed) return drafts;
        var strikers = drafts.Select(d => d.Perpetrator).Concat(_namedStrikerActors).Concat(AccusedStrikers()).DistinctBy(a => a.Id).ToList();
        return strikers.Count == 1 ? new StrikeReader(ctx, statements) { _articleStriker = strikers[0] }.ReadOnce() : drafts;
    }

    /// <summary>"Au moins 30 personnes ont été tuées dans des frappes sur un marché de Douma. Les Casques blancs ont accusé l'aviation
    /// russe": a striker accused by name in a sentence that tells no strike of its own (dispute-cues.json's accusationVerbs).</summary>
    private IEnumerable<ActorEntry> AccusedStrikers()
    {
        foreach (var d in statements)
            if (d.Cue.Verb?.Lemma is { } verb && _kb.AccusationVerbs.Contains(verb) && d.Cue.Object?.Actor is { } accused
                && !HasStrikeWord(ctx.Doc.Sentences[d.Sentence]) && Striker(accused) is { } striker && striker.Id != d.Speaker.Id)
                yield return striker;
    }

    private List<StrikeDraft> ReadOnce()
    {
        var drafts = new List<StrikeDraft>();
        var extra = new List<StrikeDraft>();
        var sentences = ctx.Doc.Sentences;
        for (var si = 0; si < sentences.Count; si++)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var s = sentences[si];
            if (s.Heading || si == _listedSentence) continue;
            var excluded = ExcludedRanges(si);
            var triggers = Triggers(si, s, excluded);
            if (triggers.Count == 0) continue;
            var draft = Build(si, s, triggers, excluded, drafts);
            if (draft is null)
            {
                foreach (var account in _presentedAccounts) if (!RecentlyReported(drafts, account, si)) drafts.Add(account);
                _presentedAccounts.Clear();
                continue;
            }
            // "L'Arménie et l'Azerbaïdjan s'accusent mutuellement d'avoir bombardé…": each accuser reports the other's strikes.
            if (Reciprocal(si, s) is var (a, b))
            {
                foreach (var (striker, reporter) in new[] { (b, a), (a, b) })
                    drafts.Add(draft.As(striker, reporter, t => t.Id != striker.Id && t.Id != reporter.Id));
                continue;
            }
            // "du régime et de son allié russe", "l'armée malienne et les mercenaires russes du groupe Wagner ont exécuté…":
            // each coordinated striker's strikes are a record of their own.
            foreach (var other in CoordinatedStrikers(s, draft.Perpetrator)) extra.Add(draft.As(other, draft.ReportedBy, t => t.Id != other.Id));
            // "…, ont indiqué l'OSDH et des secouristes", "Selon l'OSDH et des militants locaux, …": the same strike told by two
            // sources is a record for each (the statement reader gave each its own words).
            if (_carrier is { } carrier && draft.ReportedBy?.Id == carrier.Speaker.Id)
                foreach (var co in StatementsOf(si).Where(d => d != carrier && d.ContentStart == carrier.ContentStart && d.ContentEnd == carrier.ContentEnd
                                                              && d.Speaker.Id != carrier.Speaker.Id && d.Speaker.Id != draft.Perpetrator.Id).DistinctBy(d => d.Speaker.Id))
                    extra.Add(draft.As(draft.Perpetrator, co.Speaker));
            MarkRetelling(draft, s);
            var previous = drafts.LastOrDefault();
            if (previous is not null && CanMerge(previous, draft, si)) Merge(previous, draft);
            else if (Retold(draft, drafts) is { } told) Merge(told, draft);
            else if (SameSourceRetelling(draft) is { } same) Merge(same, draft);
            else
            {
                drafts.Add(draft);
                Remember(draft);
                var id = draft.Perpetrator.Id;
                _strikers[id] = _strikers.TryGetValue(id, out var c) ? c with { Count = c.Count + 1 } : (1, _strikers.Count, draft.Perpetrator);
            }
            foreach (var copy in extra) if (!RecentlyReported(drafts, copy, si)) drafts.Add(copy);
            extra.Clear();
            foreach (var account in _presentedAccounts) if (!RecentlyReported(drafts, account, si)) drafts.Add(account);
            _presentedAccounts.Clear();
        }
        return DropCountryOnlyRetellings(MergeCampaign(drafts));
    }

    /// <summary>Per striking state, the names of its armed forces the article names ("l'armée soudanaise", "l'armée malienne"):
    /// in a civil war the army, not the state, is the party a reader knows the strikes by, so the force's name goes beside the
    /// state's on its strike records.</summary>
    public Dictionary<string, List<string>> ForceNames(List<StrikeDraft> drafts)
    {
        var states = drafts.Select(d => d.Perpetrator.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in ctx.Mentions)
        {
            if (m.Actor is not { Kind: "institution", ActsFor: { } state } force || !states.Contains(state)) continue;
            // The knowledge base's heads are folded already; the force's name is named by one of them, then its nation.
            var name = Fold.Text(force.Name);
            if (!_kb.InstitutionsActingForState.Any(h => name.Length > h.Length && name[h.Length] == ' ' && name.StartsWith(h, StringComparison.Ordinal))) continue;
            if (!result.TryGetValue(state, out var list)) result[state] = list = [];
            if (!list.Contains(force.Name)) list.Add(force.Name);
        }
        return result;
    }

    // "La Russie a mené jeudi de nouvelles frappes en Syrie" beside "…ont pris pour cible des bases de Jaich al-Fatah près de
    // Hama": when the same source tells the same striker's strikes with a specific place, the country-only telling is the same
    // report told twice (one record), not another strike.
    private static List<StrikeDraft> DropCountryOnlyRetellings(List<StrikeDraft> drafts)
    {
        var specific = drafts.Where(d => d.Places.Any(p => !p.IsCountry)).Select(d => (d.Perpetrator.Id, d.ReportedBy?.Id)).ToHashSet();
        return drafts.Where(d => d.Targets.Count > 0 || d.Places.Count == 0 || d.Places.Any(p => !p.IsCountry) || !specific.Contains((d.Perpetrator.Id, d.ReportedBy?.Id))).ToList();
    }

    private bool Demonstrative(int i) => _kb.Demonstratives.Contains(_t[i].Norm);

    // The last few event drafts of each striker, most recent last: a retelling looks only there (a dictionary keyed on the
    // striker, a bounded list each, so that merging stays linear in the text).
    private readonly Dictionary<string, List<StrikeDraft>> _byStriker = new(StringComparer.Ordinal);
    private const int RetellingWindow = 8;

    private void Remember(StrikeDraft draft)
    {
        if (!_byStriker.TryGetValue(draft.Perpetrator.Id, out var list)) _byStriker[draft.Perpetrator.Id] = list = [];
        list.Add(draft);
        if (list.Count > RetellingWindow) list.RemoveAt(0);
    }

    // "Le raid a visé le marché", "ces bombardements", "la première frappe": a determiner that takes up a strike; "de nouvelles
    // frappes", "d'autres raids": another strike.
    private void MarkRetelling(StrikeDraft draft, Sentence s)
    {
        foreach (var t in draft.Triggers)
        {
            if (t - 1 < s.First) continue;
            var before = _t[t - 1].Norm;
            if (_kb.NewStrikeWords.Contains(before) || t - 2 >= s.First && _kb.NewStrikeWords.Contains(_t[t - 2].Norm)) draft.NewStrike = true;
            else if (Demonstrative(t - 1) || _kb.RetellingWords.Contains(before)) draft.Retelling = true;
        }
    }

    /// <summary>The same strike told again by the same source, or by its own spokesman or director ("Des frappes russes ont tué
    /// 15 civils à Maaret al-Noomane, selon l'OSDH. […] Le raid a visé le marché, a précisé l'OSDH. […] a déclaré Rami Abdel
    /// Rahmane, directeur de l'OSDH"): same striker, a place shared (or none of its own when the strike word takes the strike
    /// up), no other day. Another source's telling stays a record of its own: that is what contradictions are made of.</summary>
    private StrikeDraft? SameSourceRetelling(StrikeDraft d)
    {
        if (d.NewStrike || d.Presented || d.Scope != Strike.Event || !_byStriker.TryGetValue(d.Perpetrator.Id, out var list)) return null;
        var own = d.Places.Where(p => !p.IsCountry).ToList();
        for (var k = list.Count - 1; k >= 0; k--)
        {
            var e = list[k];
            if (e.Presented || e.Scope != Strike.Event || d.Block - e.Block > 3) continue;
            if (!(SameSource(e.ReportedBy, d.ReportedBy) || e.ReportedBy is null && d.ReportedBy is null))
            {
                // "Un autre témoin a fait état d'un raid sur une maison à Baqim. Saba a accusé la coalition d'avoir mené la frappe.":
                // the strike word takes up the other source's strike told there last, not an earlier one of its own.
                if (own.Count > 0 && own.Any(e.Places.Contains)) return null;
                continue;
            }
            if (e.Date is { } ed && d.Date is { } dd && ed != dd || e.Weekday is { } ew && d.Weekday is { } dw && ew != dw) continue;
            // Told with its own places, every one must be the earlier telling's ("à Kataf, province de Saada" then "à Baqim, province
            // de Saada" are two strikes); "le raid" shares one at least, or names none.
            // "Plus de 120 missiles russes ont visé l'Ukraine […] « Plus de 120 missiles ont été lancés pour détruire… », a ajouté le
            // conseiller de la présidence": told with no place of its own and the same number, it is the same salvo.
            var sameNumber = d.Counts.Any(c => e.Counts.TryGetValue(c.Key, out var n) && n == c.Value);
            if (own.Count > 0 ? !(d.Retelling ? own.Any(e.Places.Contains) : own.TrueForAll(e.Places.Contains)) : !(d.Retelling || sameNumber)) continue;
            return e;
        }
        return null;
    }

    private bool SameSource(ActorEntry? a, ActorEntry? b) => Voices.SameSource(a, b, _kb);

    // "ces frappes se sont déroulées après minuit": a demonstrative takes up the strike told before by the same source (one
    // record), in this paragraph or the one before.
    private StrikeDraft? Retold(StrikeDraft draft, List<StrikeDraft> drafts)
    {
        if (!draft.Triggers.Any(t => t > 0 && Demonstrative(t - 1))) return null;
        // A few drafts back at most: a text of many paragraphs of "ces frappes" stays linear.
        for (var k = drafts.Count - 1; k >= Math.Max(0, drafts.Count - 16); k--)
        {
            var d = drafts[k];
            if (d.Block < draft.Block - 1) break;
            if (d.Perpetrator.Id == draft.Perpetrator.Id && (draft.ReportedBy is null || d.ReportedBy?.Id == draft.ReportedBy.Id)) return d;
        }
        return null;
    }

    // Participial claims ("…, disant viser les terroristes") tell intentions, not strikes.
    // A denied action ("a démenti avoir bombardé un hôpital") is not a report of that action by the denier.
    private List<(int, int)> ExcludedRanges(int si)
    {
        var ranges = new List<(int, int)>(0);
        if (_bySentence[si] is { } here)
            foreach (var d in here)
                if (d.Sentence == si && (d.Cue is { Kind: CueKind.Participle, AfterDocument: false } || d.DeniesOwnAction(_t) || DeniedClause(d)))
                {
                    // "commentant l'information de Reuters d'après laquelle huit frappes…": the report named in the participle's
                    // words is its owner's, not an intention.
                    var end = d.ContentEnd;
                    foreach (var owned in here)
                        if (owned.Cue.Kind == CueKind.Accusation && owned.Sentence == si && owned.Cue.RegionStart > d.ContentStart && owned.Cue.RegionStart < end) end = owned.Cue.RegionStart;
                    ranges.Add((d.ContentStart, end));
                }
        // "frappes menées en représailles à l'attaque qui a fait cinq morts à Ankara", "l'attaque au missile était une réponse à une
        // attaque ukrainienne contre les forces russes": the attack answered is the motive, told to the clause's end; neither a
        // strike reported nor a place or a victim of the strike that answers it.
        var s = ctx.Doc.Sentences[si];
        for (var k = s.First; k < s.End; k++)
        {
            var len = _kb.AnsweredAttackOpeners.Match(_t, k, s.End);
            if (len == 0) continue;
            var end = k + len;
            while (end < s.End && _t[end].Norm is not ("," or ";" or ":" or ".")) end++;
            ranges.Add((k, end));
            k = end;
        }
        return ranges;
    }

    /// <summary>"a démenti qu'un missile soit tombé en Iran", "nie que ses avions aient frappé un hôpital": a clause that a denial
    /// verb opens with "que" is what the speaker says did not happen, not a strike it reports.</summary>
    private bool DeniedClause(StatementDraft d) =>
        d.Cue.Verb is { Dispute: true } && d.ContentStart > 0 && d.ContentStart < _t.Count && _t[d.ContentStart - 1].Norm is "que" or "qu";

    // A loop, not Any with a lambda: this runs for every token of every sentence with a strike word.
    private static bool In(List<(int A, int B)> ranges, int k)
    {
        foreach (var (a, b) in ranges) if (k >= a && k < b) return true;
        return false;
    }

    // Strike words of the sentence being read that a negation denies ("n'a pas mené de frappes").
    private readonly List<int> _negated = [];

    private List<int> Triggers(int si, Sentence s, List<(int, int)> excluded)
    {
        var found = new List<int>();
        _negated.Clear();
        for (var i = s.First; i < s.End; i++)
        {
            if (In(excluded, i)) continue;
            var len = _kb.StrikeNouns.Match(_t, i, s.End);
            // "La Russie multiplie ses attaques contre la région d'Odessa" beside missiles: "attaque" among air-war words.
            // A verb right before makes it the participle ("ont été attaqués", folded like the noun "attaques").
            if (len == 0 && _kb.ContextualStrikeNouns.Match(_t, i, s.End) is var cl && cl > 0 && !(i > s.First && (_kb.Auxiliaries.Contains(_t[i - 1].Norm) || _t[i - 1].Norm == "ete"))
                // "trois drones d'attaque", "hélicoptères d'attaque": the noun names a kind of machine, not an attack.
                && !(i - 2 >= s.First && _t[i - 1].Norm is "d" or "de" && (_kb.AerialAgents.Contains(_t[i - 2].Norm) || _kb.AgentNouns.Contains(_t[i - 2].Norm)))
                && AirWarContext(si, i, i + cl)) len = cl;
            var verb = false;
            if (len == 0 && _t[i].Norm is "pris" or "prend" or "prennent" or "prenaient" && Enumerable.Range(i + 1, 3).Any(k => k + 1 < s.End && _t[k].Norm == "pour" && _t[k + 1].Norm == "cible"))
            {
                if (!Negated(i, s)) found.Add(i);
                continue;
            }
            // "L'Azerbaïdjan a accusé les forces arméniennes de bombarder Ganja": the accusation reports the strike.
            if (len == 0 && i > s.First && _t[i - 1].Norm is "de" or "d" && _kb.StrikeInfinitives.Contains(_t[i].Norm) && AccusedOf(i, s) && !Negated(i, s))
            {
                found.Add(i);
                continue;
            }
            if (len == 0)
            {
                len = _kb.StrikeVerbs.Match(_t, i, s.End, out _);
                if (len == 0) continue;
                verb = true;
                if (_kb.StrikeVerbsNeedingAux.Contains(_t[i].Norm) && !HasAuxiliary(i, s.First)) { i += len - 1; continue; }
                // "deux soldats russes ont été tués": in the passive, killing names its victims, not who struck.
                var activeOnly = _kb.StrikeVerbsActiveOnly.Contains(_t[i].Norm);
                if (activeOnly && Passive(i, s.First)) { i += len - 1; continue; }
                // "ses avions avaient détruit un poste de commandement": destroying is a strike only when aircraft, drones or
                // missiles do it (not "des maisons détruites par les combats").
                // "L'armée russe a affirmé avoir détruit un poste de commandement de l'EI" among reports of air strikes: a site
                // the data lists as a target, destroyed in an air war, is struck.
                // Killing ("un drone a tué") needs the aircraft itself: fighters killed in an air war may have died on the ground.
                if (_kb.StrikeVerbsNeedingAgent.Contains(_t[i].Norm) && !AerialAgentNear(i, s) && !StrikesTakenUp(si, i, s)
                    && (activeOnly || !(MilitaryTargetNear(i, len, s) && AirWarContext(si, i, i + len, acrossParagraphs: true)))) { i += len - 1; continue; }
            }
            if (Negated(i, s)) { _negated.Add(i); i += len - 1; continue; }
            // "Il s'agit des premiers largages depuis…": after a drop of supplies, the article's drops are deliveries too.
            if (_kb.DropWords.Contains(_t[i].Norm) && (_suppliesDropped || (_suppliesDropped = SuppliesDropped(i, s)))) { i += len - 1; continue; }
            if (Irrealis(i, s) || Hearsay(i, s) || AirDefence(i, len, s)) { i += len - 1; continue; }
            if (!verb && i > s.First && _t[i - 1].Norm is "pas") { i += len - 1; continue; }
            found.Add(i);
            i += len - 1;
        }
        return found;
    }

    private bool _suppliesDropped;

    /// <summary>"ont largué dimanche dans le nord de la Syrie des munitions destinées à des groupes rebelles", "un largage d'aide": what
    /// the drop at <paramref name="drop"/> delivers, within the clause's next words, is supplies (strikes.json droppedSupplies).</summary>
    private bool SuppliesDropped(int drop, Sentence s)
    {
        for (var k = drop + 1; k < Math.Min(s.End, drop + 12); k++)
        {
            if (_t[k].Norm is "," or ";" or ":" or "qui" or "et") return false;
            if (_kb.DroppedSupplies.Match(_t, k, s.End) > 0) return true;
        }
        return false;
    }

    /// <summary>A passive auxiliary (reporting-verbs.json) among the few words before the participle at <paramref name="i"/> ("ont
    /// été tués", "sont tués").</summary>
    private bool Passive(int i, int first)
    {
        for (var k = i - 1; k >= Math.Max(first, i - 3) && _t[k].IsWord; k--)
            if (_kb.PassiveAuxiliaries.Contains(_t[k].Norm)) return true;
        return false;
    }

    private bool HasAuxiliary(int i, int first)
    {
        for (var k = i - 1; k >= Math.Max(first, i - 3); k--)
        {
            var n = _t[k].Norm;
            if (_kb.Auxiliaries.Contains(n) || n is "ete" or "est" or "sont" or "etaient" or "etait" or "seraient" or "serait" or "avoir") return true;
            // "accusé … de bombarder": an infinitive complement reports the act (wishes and calls are set apart as irrealis).
            if (k == i - 1 && n is "de" or "d" && _t[i].Norm.EndsWith("er", StringComparison.Ordinal)) return true;
            if (!_t[k].IsWord) return false;
        }
        return false;
    }

    private bool Negated(int i, Sentence s)
    {
        // "ils n'avaient absolument rien à voir avec cette attaque": involvement in the strike denied.
        for (var k = Math.Max(s.First, i - 8); k < i; k++)
            if (_kb.InvolvementDenials.Match(_t, k, i) is var dl && dl > 0 && k + dl >= i - 3) return true;
        // "n’avoir mené aucun raid aérien": the determiner denies the strike however far its "ne" stands (one qualifier between).
        for (var k = i - 1; k >= Math.Max(s.First, i - 2); k--)
        {
            if (Grammar.NoneDeterminers.Contains(_t[k].Norm)) return true;
            if (!_t[k].IsWord || Grammar.Determiners.Contains(_t[k].Norm) || _t[k].Norm is "de" or "d" or "des" or "du") break;
        }
        // "n'a pas mené de frappes aériennes", "n'ont jamais effectué de raids": the partitive "de" of a negated verb denies the
        // strike noun it opens, the "ne" standing before the auxiliary.
        if (i - 1 >= s.First && _t[i - 1].Norm is "de" or "d")
            for (var k = i - 2; k >= Math.Max(s.First + 1, i - 5); k--)
            {
                if (!_t[k].IsWord) break;
                if (!Grammar.Negations.Contains(_t[k].Norm)) continue;
                for (var j = k - 1; j >= Math.Max(s.First, k - 3); j--) if (_t[j].Norm is "ne" or "n") return true;
                break;
            }
        // "n'ont pas été touchés", "n'a jamais été visée": a negated passive, its "ne" before the auxiliary, the negation and "été".
        for (var k = i - 1; k >= Math.Max(s.First, i - 5); k--)
        {
            var w = _t[k].Norm;
            if (w is "ne" or "n") { if (k + 1 < i && Grammar.Negations.Contains(_t[k + 1].Norm) || k + 2 < i && Grammar.Negations.Contains(_t[k + 2].Norm)) return true; break; }
            if (!(w == "ete" || _kb.Auxiliaries.Contains(w) || Grammar.Negations.Contains(w))) break;
        }
        var neg = false;
        for (var k = Math.Max(s.First, i - 3); k < i; k++) if (_t[k].Norm is "ne" or "n") neg = true;
        if (neg)
            for (var k = Math.Max(s.First, i - 3); k < Math.Min(s.End, i + 5); k++) if (Grammar.Negations.Contains(_t[k].Norm)) return true;
        // "les frappes ne visaient pas…": a strike noun as the subject of a negated verb.
        for (var k = i + 1; k < Math.Min(s.End, i + 4); k++)
            if (_t[k].Norm is "ne" or "n")
                for (var j = k + 1; j < Math.Min(s.End, k + 5); j++) if (Grammar.StrongNegations.Contains(_t[j].Norm)) return true;
        return false;
    }

    /// <summary>"a démenti les informations selon lesquelles un hôpital aurait été la cible d'un raid", "les informations sur un
    /// nouveau bombardement", "les informations attribuant à l'aviation russe l'attaque": a strike told inside a second-hand report
    /// whose owner is not named is nobody's report (with an owner, "les informations de l'OSDH selon lesquelles…", the statement
    /// reader makes the owner its speaker).</summary>
    private bool Hearsay(int i, Sentence s)
    {
        for (var k = i - 1; k >= Math.Max(s.First, i - 20); k--)
        {
            if (_t[k].Norm is "." or ";" or ":") return false;
            if (!_kb.HearsayNouns.Contains(_t[k].Norm) || k + 1 >= i) continue;
            var next = _t[k + 1].Norm;
            // "sur", "concernant", "de" right before the strike words ("les accusations de bombardement"); an owner ("de
            // l'OSDH") is not the strike.
            if (next is "sur" or "concernant" && k + 5 >= i || next is "de" or "d" or "du" or "des" && k + 3 >= i && ctx.MentionsIn(k + 1, i).All(m => m.Actor is null)) return true;
            // What the report says, opened by "selon lesquelles" or a participle of the data ("attribuant", "faisant état de"); with
            // an owner and "selon lesquelles" the owner is the speaker of those words.
            var owned = next is "de" or "d" or "du" or "des" or "par" || k + 2 < i && _t[k + 2].Norm == "par";
            for (var j = k + 1; j < i; j++)
            {
                if (_kb.ClaimClauseIntroducers.Match(_t, j, i) > 0) return !owned;
                if (_kb.HearsayOpeners.Match(_t, j, i) > 0) return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>"des missiles antiaériens russes ont été tirés contre des drones": missiles qualified as air defence.</summary>
    private bool AirDefence(int i, int len, Sentence s)
    {
        for (var k = i + len; k < Math.Min(s.End, i + len + 2); k++) if (_kb.AirDefenceWords.Contains(_t[k].Norm)) return true;
        return false;
    }

    private bool Irrealis(int i, Sentence s)
    {
        for (var k = Math.Max(s.First, i - 10); k < i; k++)
        {
            if (_t[k].Norm is ";" or ".") return false;
            if (_kb.Irrealis.Match(_t, k, i) > 0) return true;
        }
        // "les frappes russes étaient sur le point de s'intensifier"
        for (var k = i + 1; k < Math.Min(s.End, i + 6); k++)
        {
            if (_t[k].Norm is "," or ";" or ".") break;
            // "sur le point de s'intensifier"; "une frappe sur un point de déploiement" names a place, not an intent.
            if (Grammar.IrrealisAfter.Contains(_t[k].Norm) && !(_t[k].Norm == "point" && !(k - 2 > i && _t[k - 1].Norm == "le" && _t[k - 2].Norm == "sur"))) return true;
        }
        return false;
    }

    private StrikeDraft? Build(int si, Sentence s, List<int> triggers, List<(int, int)> excluded, List<StrikeDraft> earlier)
    {
        var first = triggers[0];
        // The innermost words that hold it: "a mis en doute les affirmations russes selon lesquelles les frappes visaient l'EI" is
        // the Russians' report, not the doubter's.
        var carrier = StatementsOf(si).Where(d => d.Sentence <= si && si <= d.LastSentence && first >= d.ContentStart && first < d.ContentEnd).MaxBy(d => d.ContentStart)
            ?? StatementsOf(si).FirstOrDefault(d => d.Sentence == si && d.Cue.Kind == CueKind.Source);
        // "L'Ukraine a nié toute frappe sur des casernes": a strike that is the very object of a denial is reported by no one.
        if (carrier is { Cue.Verb.Dispute: true } && first - carrier.ContentStart <= 2 && !carrier.Cue.ContentBefore
            && (first == carrier.ContentStart || _t[carrier.ContentStart].Norm is "toute" or "tout" or "tous" or "toutes" or "les" or "des" or "la" or "le" or "l"))
        {
            // "Erevan a démenti tout bombardement visant l'Azerbaïdjan mais les autorités du Haut-Karabakh ont dit avoir pris pour
            // cible une base à Ganja": a strike word in another speaker's words after the denial is that speaker's report.
            var denial = carrier;
            var rest = triggers.Where(t => t > first && StatementsOf(si).Any(d => d != denial && d.Sentence <= si && d.ContentStart > denial.ContentStart && t >= d.ContentStart && t < d.ContentEnd)).ToList();
            return rest.Count > 0 ? Build(si, s, rest, excluded, earlier) : null;
        }
        // "l'aviation russe n'a pas mené de frappes à Idleb, où 23 personnes ont été tuées suite à des bombardements aériens": a
        // strike word after a denied one, with no striker named between them, is what the denial answers, not the denier's report.
        if (_negated.Count > 0 && _negated[0] < first && !StrikerNamedBetween(_negated[^1], first)) return null;
        // "« L'Azerbaïdjan détruira les cibles militaires … », a menacé mardi X": a threat or a promise tells no strike.
        if (carrier is { Cue.Verb.Irrealis: true }) return null;
        _carrier = carrier;
        var reporter = carrier?.Speaker ?? DeepSource(s) ?? AttributingSubject(s);
        var claimedBySubject = reporter is null && ClaimsOwnStrike(s, first);
        var perpetrator = Perpetrator(si, s, triggers, carrier, earlier);
        if (perpetrator is null) return null;
        // "des attaques répétées contre des bases abritant des troupes américaines": an attack noun alone names its striker in its
        // own sentence; the striker of the story told around it may be the one attacked.
        if (triggers.TrueForAll(t => _kb.StrikeNouns.Match(_t, t, s.End) == 0 && _kb.ContextualStrikeNouns.Match(_t, t, s.End) > 0) && !NamedIn(s, first, perpetrator)) return null;
        // "Les Houthis ont revendiqué une attaque de drone…": the striker reports its own strike.
        if (claimedBySubject) reporter = perpetrator;

        var places = Places(s, excluded);
        if (carrier is { Cue.ContentBefore: false } && SpeakersSeat(s, carrier.ContentStart) is { } seat) places.Remove(seat);
        // Read once for the whole sentence: the scope, its dates and its counts serve both the test below and the draft.
        var scope = IsCampaign(s, triggers) ? Strike.CampaignScope : Strike.Event;
        var sentenceDates = DateReader.Find(_t, s.First, s.End, _kb).ToList();
        Dictionary<string, int>? sentenceCounts = null;
        Dictionary<string, int> Counts()
        {
            if (sentenceCounts is null) ReadCounts(s, excluded, sentenceCounts = new Dictionary<string, int>(StringComparer.Ordinal));
            return sentenceCounts;
        }
        // "des frappes de drones présentées par le gouvernement comme ayant ciblé des combattants": what comes after "comme" is
        // the presenter's account of the targets, a report of its own; the reporter's targets are those before.
        var presented = PresentedAs(s, first, perpetrator);
        var targets = Targets(presented is var (_, presentedAt, _) ? s with { End = presentedAt } : s, first, excluded, perpetrator, reporter, triggers);
        if (presented is var (presenter, _, asWord))
        {
            // The presented account runs to the next verb or comma ("comme ayant frappé des combattants jihadistes ont provoqué…").
            var clauseEnd = asWord + 2;
            while (clauseEnd < s.End && !(_t[clauseEnd].Norm is "," or ";" || _kb.Auxiliaries.Contains(_t[clauseEnd].Norm) && _t[clauseEnd].Norm is not ("ayant" or "etant"))) clauseEnd++;
            if (clauseEnd < s.End) targets.AddRange(Targets(s with { First = clauseEnd }, clauseEnd, excluded, perpetrator, reporter).Where(t => !targets.Contains(t)));
            if (presenter.Id != reporter?.Id && Targets(s with { First = asWord + 1, End = clauseEnd }, asWord + 1, excluded, perpetrator, presenter) is { Count: > 0 } claimed)
            {
                var account = new StrikeDraft { Perpetrator = perpetrator, ReportedBy = presenter, Presented = true, Scope = scope, Block = s.Block, FirstSentence = si, LastSentence = si, Span = ctx.Doc.SpanOf(s.First, s.End) };
                account.Places.AddRange(places.Where(p => !p.IsCountry).Distinct());
                account.Targets.AddRange(claimed);
                account.Triggers.AddRange(triggers);
                _presentedAccounts.Add(account);
            }
        }
        // "al-Masirah a également fait état de deux frappes aériennes": another source telling the strike of the sentence just
        // before, in the same paragraph, takes its places.
        // "Saba a accusé la coalition d'avoir mené la frappe", a paragraph after a witness told it: a demonstrative or definite
        // strike word takes up the strike of the paragraph just before as well.
        // "Une source militaire a indiqué que les raids avaient visé des « repaires terroristes »", "ces raids ont touché des
        // positions rebelles": another source's account of the strikes just told, naming what they hit but not where, is about
        // the same place (what it says they hit is its own).
        var ownTargets = targets.Count > 0;
        // "23 morts dans ces raids, dont sept enfants": a toll counted in the strikes pointed at is about them too.
        var retold = ownTargets && places.Count == 0 && scope != Strike.CampaignScope
            && triggers.Any(t => t > s.First && ((Demonstrative(t - 1) || _t[t - 1].Norm == "les") && TellsThePast(t, s)
                || Demonstrative(t - 1) && t - 2 >= s.First && _t[t - 2].Norm is "dans" or "lors" or "de" or "apres" or "pendant" or "durant"));
        if ((places.Count == 0 || LaunchPlacesOnly(s)) && (!ownTargets || retold)
            && earlier.LastOrDefault() is { } told && told.LastSentence >= si - 2
            && (told.Block == s.Block || told.Block == s.Block - 1 && (retold || triggers.Any(t => t > s.First && (Demonstrative(t - 1)
                || _t[t - 1].Norm is "la" or "le" or "l" && !_t[t].Norm.EndsWith('s')
                // "Selon l'OSDH, les raids ont été menés par l'aviation russe": the strikes told, given their striker.
                || _t[t - 1].Norm == "les" && AttributedByAgent(t, s)))))
            && told.Perpetrator.Id == perpetrator.Id && told.ReportedBy?.Id != reporter?.Id)
        {
            places.AddRange(told.Places);
            if (told.Block != s.Block && !ownTargets) targets.AddRange(told.Targets.Where(t => !targets.Contains(t)));
        }
        // "l'EI n'est pas présent dans cette zone, où les frappes ont touché des rebelles": the demonstrative points at the
        // place of the same striker's strike told just before.
        if (places.Count == 0 && PointsAtPlace(s) && earlier.LastOrDefault(e => e.Perpetrator.Id == perpetrator.Id) is { } before
            && before.LastSentence >= si - 2)
            places.AddRange(before.Places);
        var specificPlace = places.Any(p => !p.IsCountry);
        // A country alone is a location when it is the place struck ("contre l'Ukraine", "en Syrie"): places only holds
        // countries in such locative use.
        // "Les avions russes ont effectué 20 sorties et frappé 12 cibles. Parmi les cibles figurent un poste de commandement et un
        // dépôt de munitions près de Maaret al-Noomane": the sentence after, listing the targets, says what was hit and where.
        // The list is read with this report only, never again as a sentence of its own.
        var listedIn = -1;
        if (scope != Strike.CampaignScope && TargetListAfter(si, s) is var (list, listAt))
        {
            var listExcluded = ExcludedRanges(list);
            var listedPlaces = Places(listAt, listExcluded);
            var listedTargets = Targets(listAt, listAt.First, listExcluded, perpetrator, reporter);
            places.AddRange(listedPlaces.Where(p => !places.Contains(p)));
            targets.AddRange(listedTargets.Where(t => !targets.Contains(t)));
            specificPlace = places.Any(p => !p.IsCountry);
            if (listedPlaces.Count > 0 || listedTargets.Count > 0) listedIn = _listedSentence = list;
        }
        // A country alone is a location when it is the place struck ("contre l'Ukraine", "en Syrie") in a dated event ("dans la
        // nuit de samedi à dimanche", "ce jeudi"); "les frappes russes en Syrie" in general is the campaign, not a report.
        if (!specificPlace && targets.Count == 0 && !(places.Count > 0 && CountryIsTheTarget(s) && scope != Strike.CampaignScope && (sentenceDates.Count > 0 || Counts().Count > 0 || HasImpact(s))))
        {
            // "Des frappes de drone de l'armée nigérienne ont fait des victimes dans le sud-ouest du pays. Les frappes ont été menées
            // dans le village de Tiawa": a striker named with a strike word is the story's even when that sentence gives no place.
            if (!_contextual && scope != Strike.CampaignScope)
            {
                _namedStriker = (perpetrator, s.Block);
                if (_namedStrikerActors.All(a => a.Id != perpetrator.Id)) _namedStrikerActors.Add(perpetrator);
            }
            return null;
        }
        if (specificPlace) places.RemoveAll(p => p.IsCountry && !FellIn(s, p));

        var draft = new StrikeDraft
        {
            Perpetrator = perpetrator, ReportedBy = reporter, Scope = scope,
            Block = s.Block, FirstSentence = si, LastSentence = Math.Max(si, listedIn),
            Span = ctx.Doc.SpanOf(s.First, listedIn > si ? ctx.Doc.Sentences[listedIn].End : s.End),
        };
        draft.Triggers.AddRange(triggers);
        draft.Places.AddRange(places.Distinct());
        draft.Targets.AddRange(targets);
        foreach (var (noun, n) in Counts()) draft.Counts[noun] = n;
        // "affirmaient le 5 octobre que des frappes avaient tué…": a date in the reporting clause dates the report, not the strike.
        var dates = sentenceDates
            .Where(x => carrier is null || carrier.Cue.ContentBefore || carrier.Cue.Kind is CueKind.Source || carrier.Sentence != si
                        || x.Start >= carrier.ContentStart || x.Start < carrier.Cue.RegionStart || !ReportTense(carrier));
        if (dates.Cast<DateExpression?>().FirstOrDefault() is { } when)
        {
            draft.Date = when.Resolve(ctx.PublishedOn, _kb);
            draft.Weekday = when.Weekday;
        }
        for (var k = first; k < s.End && draft.Weapon is null; k++)
            if (_kb.Weapons.Match(_t, k, s.End) is var wl && wl > 0) draft.Weapon = ctx.Doc.Slice(k, k + wl);
        return draft;
    }

    // The statement whose words carry the draft Build last returned (null when none does): its co-speakers report the strike too.
    private StatementDraft? _carrier;

    // Accounts read from "présentées par X comme…" while building a draft; Read adds them after it.
    private readonly List<StrikeDraft> _presentedAccounts = [];

    /// <summary>"présentées par le gouvernement comme", "présenté par Moscou comme": who presents the strike, where "présenté"
    /// and "comme" stand (after the strike word).</summary>
    private (ActorEntry Presenter, int At, int As)? PresentedAs(Sentence s, int first, ActorEntry perpetrator)
    {
        for (var k = first + 1; k < Math.Min(s.End - 3, first + 15); k++)
        {
            if (!_kb.PresentingWords.Contains(_t[k].Norm) || _t[k + 1].Norm != "par") continue;
            var j = k + 2;
            if (j < s.End && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j++;
            if (j >= s.End) return null;
            // "par le gouvernement", "par les autorités" unqualified: the striking state's own (its army's strikes).
            var (presenter, after) = ctx.MentionAt[j] is { Actor: { } named } m ? (named, m.End)
                : _kb.InstitutionsStandingForState.Contains(_t[j].Norm) && perpetrator.IsState ? (perpetrator, j + 1) : (null, j);
            if (presenter is null) return null;
            for (var c = after; c < Math.Min(s.End, after + 3); c++)
                if (_t[c].Norm == "comme") return (presenter, k, c);
            return null;
        }
        return null;
    }

    // "une attaque … contre l'Ukraine", "L'Ukraine a été la cible d'une salve", "ont visé l'Ukraine": the country is what was
    // struck, not the theatre of a campaign ("de nouvelles frappes en Syrie").
    private bool CountryIsTheTarget(Sentence s)
    {
        for (var k = s.First; k < s.End; k++)
            // "ont lancé sur l'Ukraine deux missiles": what is launched at falls on it.
            // "sur le nord d'Israël": a part of the country named by its direction is a place struck, not a theatre.
            if (_t[k].Norm is "contre" or "cible" || _kb.ImpactWords.Contains(_t[k].Norm) || _t[k].Norm == "sur" && k > s.First && _kb.SupportVerbs.Contains(_t[k - 1].Norm)
                || _kb.Directions.Contains(_t[k].Norm) && k + 1 < s.End && _t[k + 1].Norm is "de" or "du" or "d" && k > s.First && _t[k - 1].Norm is "le" or "l"
                || _kb.StrikeVerbs.Match(_t, k, s.End, out _) > 0 && _kb.StrikeNouns.Match(_t, k, s.End) == 0) return true;
        return false;
    }

    /// <summary>The strike word at <paramref name="trigger"/> is the subject of a compound tense ("les raids avaient visé", "ces
    /// raids ont touché"; reporting-verbs.json's auxiliaries), not of a general present ("les frappes russes visent les
    /// terroristes").</summary>
    private bool TellsThePast(int trigger, Sentence s)
    {
        for (var k = trigger + 1; k < Math.Min(s.End, trigger + 4); k++)
            if (_kb.Auxiliaries.Contains(_t[k].Norm) || _kb.ReflexiveAuxiliaries.Contains(_t[k].Norm)) return true;
        return false;
    }

    // The reported clause tells an earlier event (pluperfect "avaient tué", past infinitive "avoir tué" stays with the report).
    private bool ReportTense(StatementDraft carrier)
    {
        for (var k = carrier.ContentStart; k < Math.Min(carrier.ContentEnd, carrier.ContentStart + 12); k++)
            if (_t[k].Norm is "avaient" or "avait" or "auraient" or "aurait") return true;
        return false;
    }

    private ActorEntry? DeepSource(Sentence s)
    {
        for (var i = s.First; i < s.End; i++)
        {
            var isSource = _t[i].Norm == "selon" || _t[i].Norm == "d" && i + 1 < s.End && _t[i + 1].Norm == "apres";
            if (!isSource) continue;
            foreach (var m in ctx.MentionsIn(i + 1, Math.Min(s.End, i + 14)))
                if (m.Actor is { } a && m.Kind is MentionKind.Name or MentionKind.Anonymous or MentionKind.Role) return a;
        }
        return null;
    }

    // Whether the striker Perpetrator last returned comes from the context (a sentence or report before), not the sentence itself.
    private bool _contextual;
    // The striker named with a strike word in a sentence that gave no report of its own (no place, no target), with its paragraph.
    private (ActorEntry Actor, int Block)? _namedStriker;

    private ActorEntry? Perpetrator(int si, Sentence s, List<int> triggers, StatementDraft? carrier, List<StrikeDraft> earlier)
    {
        _contextual = false;
        // "…qui ont attribué ces frappes à la coalition", "des bombardements qu'elles imputent aux forces azerbaïdjanaises".
        if (AttributedStriker(s) is { } attributed) return attributed;
        // "a accusé l'armée du Burkina Faso d'avoir tué 60 civils dans des frappes": the accused of a killing or a strike
        // told in the accusation's words is the striker, the strike word a noun as well.
        if (carrier is { Cue.Verb.Lemma: "accuser" or "reprocher" } && carrier.Cue.Object?.Actor is { } accusedActor && Striker(accusedActor) is { } accusedStriker)
            return accusedStriker;
        // "a accusé l'aviation turque de bombarder…": the accused is the striker.
        foreach (var trig in triggers)
        {
            if (!_kb.StrikeInfinitives.Contains(_t[trig].Norm)) continue;
            for (var k = trig - 2; k >= Math.Max(s.First, trig - 10); k--)
            {
                if (_t[k].Norm.StartsWith("accus", StringComparison.Ordinal) || _t[k].Norm.StartsWith("reproch", StringComparison.Ordinal)) break;
                if (ctx.MentionAt[k] is { Actor: { } accused } am && am.Start == k && Striker(accused) is { } st0) return st0;
                if (_kb.Nationalities.TryGetValue(_t[k].Norm, out var nation) && Striker(nation) is { } st0n) return st0n;
            }
        }
        foreach (var trig in triggers)
        {
            // "frappes menées par les Russes", "visées par l'aviation russe", "«Six missiles…» ont été lancés par les forces russes"
            for (var k = trig + 1; k < Math.Min(s.End, trig + 12); k++)
                if (_t[k].Norm == "par" && ctx.MentionAt.ElementAtOrDefault(k + 1) is { Actor: { } a1 } || _t[k].Norm == "par" && k + 2 < s.End && ctx.MentionAt[k + 2] is { Actor: { } } && _t[k + 1].Norm is "les" or "la" or "l" or "le" or "des")
                {
                    // "des tentes occupées par des Palestiniens": the agent of another verb's participle is not the striker.
                    if (k - 1 > trig && OtherParticiple(k - 1)) break;
                    // "des missiles ont été abattus par la défense aérienne": who shoots a projectile down does not strike with it.
                    if (k - 1 > trig && _kb.InterceptionVerbs.Match(_t, k - 1, k) > 0) break;
                    var agent = ctx.MentionAt[k + 1]?.Actor ?? ctx.MentionAt[k + 2]!.Actor!;
                    if (Striker(agent) is { } st1) return st1;
                }
            // "bombardements aériens et à l'artillerie quasi quotidiens du régime et de son allié russe": the striker in the
            // strike word's complement (a group said to be hit is a target, not a striker).
            // After a strike verb "des" opens its object ("avoir frappé des cibles du Hezbollah"), not a complement.
            for (var k = trig + 1; k < Math.Min(s.End, trig + 12) && _kb.StrikeNouns.Match(_t, trig, s.End) > 0 && !Participle(trig); k++)
            {
                // "bombardements aériens et à l'artillerie quasi quotidiens du régime": a means coordinated by "et à" is skipped.
                if (_t[k].Norm == "et" && k + 3 < s.End && _t[k + 1].Norm is "a" or "au" or "aux")
                {
                    k += Grammar.DefiniteArticles.Contains(_t[k + 2].Norm) ? 3 : 2;
                    continue;
                }
                // A determiner opens another noun phrase (the object: "frappé les armes du Hezbollah"), not the complement.
                if (_t[k].Norm is "," or ";" or "." or "par" or "contre" or "sur" or "dans" || Grammar.Determiners.Contains(_t[k].Norm)) break;
                if (_t[k].Norm is not ("de" or "du" or "des" or "d")) continue;
                var j = k + 1;
                if (j < s.End && _t[j].Norm is "la" or "le" or "l" or "les" or "son" or "sa" or "ses" or "leur") j++;
                // "frappes de drones de l'armée soudanaise": through the machines to their owner; "tirs d'artillerie des forces
                // turques", "bombardements au mortier de l'armée": through the weapon fired as well.
                var means = _kb.AgentNouns.Contains(_t[j].Norm) ? 1 : _kb.Weapons.Match(_t, j, s.End);
                if (means > 0 && j + means + 1 < s.End && _t[j + means].Norm is "de" or "du" or "des" or "d")
                {
                    j += means + 1;
                    if (j < s.End && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j++;
                }
                if (j < s.End && ctx.MentionAt[j] is { Actor: { TargetClass: null } g } gm && gm.Start == j && gm.Kind != MentionKind.Anonymous && Striker(g) is { } st6) return st6;
                if (j < s.End && _t[j].Norm == "allie" && j + 1 < s.End && _kb.Nationalities.TryGetValue(_t[j + 1].Norm, out var ally) && Striker(ally) is { } st7) return st7;
                // Only the strike word's own complement: in "frappes de drone venu du Burkina Faso" the second "du" is where from.
                break;
            }
            // "frappes russes"
            if (ctx.MentionAt[trig] is { Kind: MentionKind.Adjectival or MentionKind.Name, Actor: { } adj } && Striker(adj) is { } st2) return st2;
            // "raids aériens russes", "frappes aériennes américaines": the nationality after a qualifier or two of a strike noun
            // (after a strike verb it qualifies the object: "ont ciblé deux destroyers américains").
            var verbTrigger = _kb.StrikeVerbs.Match(_t, trig, s.End, out _) > 0
                && !(trig > s.First && (Grammar.Determiners.Contains(_t[trig - 1].Norm) || _t[trig - 1].Norm is "de" or "d" or "des" or "du" or "une" or "un" || _t[trig - 1].Kind == TokenKind.Number
                        // "huit frappes aériennes russes", "Quatre frappes": a number word opens the noun as a digit does.
                        || _kb.NumberUnits.ContainsKey(_t[trig - 1].Norm)));
            for (var k = trig + 1; !verbTrigger && k < Math.Min(s.End, trig + 4) && _t[k].IsWord && !_t[k].Cap && _t[k].Kind != TokenKind.Number; k++)
                if (_kb.Nationalities.TryGetValue(_t[k].Norm, out var nation) && Striker(nation) is { } st5) return st5;
            // "une coalition …, qui procède à des frappes"
            for (var k = trig - 1; k >= Math.Max(s.First, trig - 12); k--)
            {
                if (_t[k].Norm is "." or ";") break;
                if (_t[k].Norm != "qui") continue;
                for (var a = k - 1; a >= Math.Max(s.First, k - 7); a--)
                    if (ctx.MentionAt[a] is { Actor: { } ante } && Striker(ante) is { } st3) return st3;
                break;
            }
        }
        // The subject before a strike word (inside the reported words when a statement carries it): "la nuit de bombardements
        // …, depuis que les forces azerbaïdjanaises prennent pour cible Stepanakert" has its striker before the second one.
        var from = carrier is not null && carrier.ContentStart <= triggers[0] ? carrier.ContentStart : s.First;
        foreach (var trig in triggers)
        {
            Mention? subject = null;
            // "Les forces de Centcom ont abattu un missile lancé par les Houthis": the subject of an interception verb shot the
            // projectile down; it is not the striker.
            var interceptedAt = InterceptionBefore(trig, Math.Max(from, s.First));
            foreach (var m in ctx.MentionsIn(from, trig))
                if ((m.Prep is null || AgentOwner(m)) && !ObjectOfAttack(m) && !Victims(m, trig) && m.Start > interceptedAt && m.Actor is { } a && Striker(a) is not null) subject = m;
            if (subject?.Actor is { } sa && Striker(sa) is { } st4) return st4;
            // "L'armée américaine a annoncé que ses forces spéciales avaient mené une frappe": the speaker's own forces, aircraft
            // or drones, named by a possessive before the strike word in its words.
            if (carrier is not null && from == carrier.ContentStart && subject is null && Striker(carrier.Speaker) is { } owner)
                for (var k = from; k + 1 < trig; k++)
                    if (_t[k].Norm is "ses" or "son" or "sa" or "leurs" or "leur" && _kb.AgentNouns.Contains(_t[k + 1].Norm)) return owner;
        }
        // "«L'armée de l'air a frappé…», ont indiqué les forces pro-GNA": a force named without its state, in the words of an
        // actor that strikes, is that actor's own.
        // A projectile the speaker's side shot down ("les forces de Centcom ont abattu un missile", said by Centcom) is the other
        // side's strike: neither the speaker's forces nor its state strike with it.
        var intercepted = triggers.TrueForAll(t => InterceptionBefore(t, s.First) >= 0);
        if (carrier is not null && !intercepted && Striker(carrier.Speaker) is { } speakerForce)
            foreach (var m in ctx.MentionsIn(from, triggers[0]))
                if (m.Prep is null && m.Actor is { Kind: "institution", ActsFor: null, Side: null } bare && bare.GenericNouns.Any(_kb.InstitutionsActingForState.Contains)) return speakerForce;
        // "X a dit avoir pris pour cible…": the speaker's own action.
        if (carrier is not null && !intercepted && carrier.DeniesOwnActionShape(_t) && Striker(carrier.Speaker) is { } self) return self;
        // "Selon le Pentagone, quatre missiles se sont écrasés en Iran": where projectiles fell is told by whoever saw them fall,
        // not by the state that fired them; the striker is the story's (the missiles fired in the sentences before).
        // Not when the article's strikes so far are another striker's: "Plus de 90 % des frappes que nous avons observées ne
        // visaient pas l'EI, a déclaré le département d'État", in a story of Russian strikes, speaks of Russia's.
        if (carrier?.Speaker.ActsFor is { } own && _kb.Actor(own) is { } ownState && !intercepted && !HasImpact(s)
            && (StoryStriker() is not { } storyStriker || storyStriker.Id == ownState.Id)) return ownState;

        _contextual = true;
        // "Des avions non identifiés ont bombardé…": aircraft said to be unidentified are nobody's the story can name.
        if (Unidentified(s, triggers[0])) return null;
        if (earlier.LastOrDefault() is { } prev && prev.Block == s.Block && prev.LastSentence >= si - 1) return prev.Perpetrator;
        // "…lancés par les forces russes. … deux ont frappé l'aérodrome": the striker named in the sentence before, same paragraph.
        if (si > 0 && ctx.Doc.Sentences[si - 1].Block == s.Block && NamedStriker(ctx.Doc.Sentences[si - 1]) is { } named) return named;
        // "La Russie bombarde la Syrie depuis le 30 septembre. Des raids ont visé jeudi Latamné": the subject of the strike word
        // of the sentence just before, same paragraph, when no report was drawn from it (a campaign told in general).
        if (si > 0 && ctx.Doc.Sentences[si - 1] is var before && before.Block == s.Block && !before.Heading && SubjectOfStrikeWord(before) is { } striking) return striking;
        // The striker of most reports so far; no report kept yet: the striker named with a strike word in this paragraph or the
        // two before.
        var story = StoryStriker();
        if (story is null && _namedStriker is var (namedBefore, block) && block >= s.Block - 2) return namedBefore;
        // "Au moins douze civils ont été tués par des frappes de drones sur Kidal", the lead, with "l'armée malienne affirme avoir
        // mené des frappes" paragraphs later: strikes told before any striker is named are the article's one striker's (read
        // again once the article is read, see Read).
        if (story is null && _articleStriker is null) _unattributed = true;
        return story ?? _articleStriker;
    }

    /// <summary>The striker of every report of the article, given to a second reading so that strikes told before it is named
    /// are its too; null on the first.</summary>
    private ActorEntry? _articleStriker;

    /// <summary>The sentence listing the targets of the report just built (read with it, not on its own), or -1.</summary>
    private int _listedSentence = -1;

    /// <summary>A strike word found no striker because none was named yet.</summary>
    private bool _unattributed;

    /// <summary>The strikers named with strike words in sentences that gave no report (no place, no target).</summary>
    private readonly List<ActorEntry> _namedStrikerActors = [];

    /// <summary>The next sentence of the paragraph when it opens on the targets of the strikes just told ("Parmi les cibles
    /// figurent…", "Les objectifs visés comprennent…"; strikes.json's targetListOpeners) and tells no strike of its own.</summary>
    private (int Index, Sentence Sentence)? TargetListAfter(int si, Sentence s)
    {
        if (si + 1 >= ctx.Doc.Sentences.Count) return null;
        var next = ctx.Doc.Sentences[si + 1];
        if (next.Block != s.Block || next.Heading) return null;
        var opener = _kb.TargetListOpeners.Match(_t, next.First, next.End);
        if (opener == 0 || HasStrikeWord(next with { First = next.First + opener })) return null;
        return (si + 1, next);
    }

    /// <summary>The strike word at <paramref name="trigger"/> is the subject of a passive with its agent ("les raids ont été menés
    /// par…").</summary>
    private bool AttributedByAgent(int trigger, Sentence s)
    {
        for (var k = trigger + 1; k + 2 < Math.Min(s.End, trigger + 6); k++)
            if (_t[k].Norm == "ete") return _t[k + 2].Norm == "par";
        return false;
    }

    private bool HasStrikeWord(Sentence s)
    {
        for (var k = s.First; k < s.End; k++)
            if (_kb.StrikeNouns.Match(_t, k, s.End) > 0 || _kb.StrikeVerbs.Match(_t, k, s.End, out _) > 0) return true;
        return false;
    }

    /// <summary>An aircraft, drone or strike word said to be of unknown origin ("des avions non identifiés", "un drone inconnu",
    /// "des frappes d'origine inconnue") before or at the strike word.</summary>
    private bool Unidentified(Sentence s, int trigger)
    {
        for (var k = s.First; k < Math.Min(s.End - 1, trigger + 5); k++)
            if (_kb.AerialAgents.Contains(_t[k].Norm) || _kb.StrikeNouns.Match(_t, k, s.End) > 0)
                for (var j = k + 1; j < Math.Min(s.End, k + 5); j++)
                {
                    if (_kb.UnidentifiedWords.Match(_t, j, s.End) > 0) return true;
                    if (!_t[j].IsWord) break;
                }
        return false;
    }

    /// <summary>The striker of most reports so far (the first one named on a tie), or null before any.</summary>
    private ActorEntry? StoryStriker()
    {
        ActorEntry? story = null;
        int bestCount = 0, bestFirst = int.MaxValue;
        foreach (var (count, firstSeen, actor) in _strikers.Values)
            if (count > bestCount || count == bestCount && firstSeen < bestFirst) (story, bestCount, bestFirst) = (actor, count, firstSeen);
        return story;
    }

    /// <summary>Where an interception verb ("abattu", "intercepté") stands before the strike word in its clause ("ont abattu mardi
    /// un missile"), or -1.</summary>
    private int InterceptionBefore(int trig, int first)
    {
        for (var k = trig - 1; k >= Math.Max(first, trig - 8); k--)
        {
            if (_t[k].Norm is "," or ";" or ":" or "." or "qui" or "que" or "qu" or "et" or "puis") return -1;
            if (_kb.InterceptionVerbs.Match(_t, k, trig) > 0) return k;
        }
        return -1;
    }

    private bool StrikerNamedBetween(int from, int to)
    {
        foreach (var m in ctx.MentionsIn(from + 1, to))
            if (m.Actor is { } a && Striker(a) is not null) return true;
        for (var k = to + 1; k < Math.Min(_t.Count, to + 4); k++)
            if (ctx.MentionAt[k] is { Actor: { } a } m && (m.Kind == MentionKind.Adjectival || m.Prep is "de" or "du" or "des" or "par") && Striker(a) is not null) return true;
        return false;
    }

    /// <summary>"ne visent pas l'EI mais l'opposition", "non pas les jihadistes": a group right after a negation (past its
    /// article) is said not to be hit.</summary>
    private bool DeniedAsTarget(int start, int first)
    {
        var p = start - 1;
        if (p >= first && Grammar.DefiniteArticles.Contains(_t[p].Norm) || p >= first && _t[p].Norm is "les" or "des" or "d" or "de") p--;
        // strikes.json's notTargetWords, ending right before: "pas", "non", "plutôt que" ("de frapper l'opposition modérée plutôt
        // que l'EI").
        for (var from = Math.Max(first, p - 2); from <= p; from++)
            if (_kb.NotTargetWords.Match(_t, from, p + 1) == p + 1 - from) return true;
        return false;
    }

    /// <summary>"des tentes occupées par des Palestiniens": the mention is the agent of another verb's participle.</summary>
    private bool AgentOfOtherParticiple(Mention m, int first)
    {
        var p = m.Start - 1;
        if (p > first && _t[p].Norm is "les" or "la" or "l" or "le" or "des") p--;
        return p > first && _t[p].Norm == "par" && OtherParticiple(p - 1);
    }

    /// <summary>A past participle of a verb that is neither striking, carrying out, hitting, claiming nor attributing ("occupées",
    /// "soutenue", "commis"): its "par" names its own agent. Read from the unfolded word's ending, as participles are open-class.</summary>
    private bool OtherParticiple(int k)
    {
        var n = _t[k].Norm;
        if (!_t[k].IsWord || n.Length < 4 || _kb.SupportVerbs.Contains(n) || _kb.ImpactWords.Contains(n) || _kb.ClaimOwnStrikeVerbs.Contains(n)
            || _kb.AttributionVerbs.Contains(n) || _kb.PresentingWords.Contains(n) || _kb.StrikeVerbs.Match(_t, k, k + 1, out _) > 0 || _kb.StrikeNouns.Match(_t, k, k + 1) > 0) return false;
        var w = ctx.Doc.Text.AsSpan(_t[k].Start, _t[k].End - _t[k].Start);
        foreach (var ending in ParticipleEndings)
            if (w.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"frappé", "bombardées": the unfolded word is a participle (folded, "frappe" is also the noun).</summary>
    private bool Participle(int k)
    {
        var w = ctx.Doc.Text.AsSpan(_t[k].Start, _t[k].End - _t[k].Start);
        return w.EndsWith("é", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ée", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("és", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ées", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] ParticipleEndings = ["é", "ée", "és", "ées", "us", "ue", "ues", "is", "ise", "ises", "it", "ite", "its", "ites"];

    // "plus de 600 militaires ukrainiens avaient été tués dans une attaque", "des civils syriens blessés par des frappes": the
    // subject of a passive kill or impact word before the strike word is its victim, not its striker.
    private bool Victims(Mention m, int trig) => VictimsAfter(m.End, trig);

    private bool InDontApposition(int k, int first)
    {
        for (var j = k - 1; j >= Math.Max(first, k - 4); j--)
        {
            if (_t[j].Norm == "dont") return j > first && _t[j - 1].Norm == ",";
            if (!_t[j].IsWord && _t[j].Kind != TokenKind.Number) return false;
        }
        return false;
    }

    // "parmi les morts de l'école Moustafa Hafiz après qu'un avion a largué une bombe", "les victimes du marché": the site the dead
    // are counted at is what the strike told after it hit.
    private bool DeadOf(int k, int first)
    {
        var j = k - 1;
        if (j >= first && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j--;
        return j - 1 >= first && _t[j].Norm is "de" or "du" or "d" or "des" && _kb.KillWords.Contains(_t[j - 1].Norm);
    }

    private bool VictimsAfter(int end, int trig)
    {
        var passive = false;
        for (var k = end; k < Math.Min(trig, end + 4); k++)
        {
            var w = _t[k].Norm;
            // Passive or attributive only ("ont été tués", "des civils tués"): "l'aviation a tué 60 civils" names the striker.
            if ((_kb.KillWords.Contains(w) || _kb.ImpactWords.Contains(w) || w is "blesse" or "blesses" or "blessee" or "blessees") && (passive || k == end)) return true;
            // "39 civils ont péri dans les raids russes": dying has no striker for its subject, whatever the auxiliary.
            if (_kb.DiedWords.Contains(w)) return true;
            if (w is "ete" or "sont" or "etaient" or "est" or "etait") passive = true;
            if (!(_kb.Auxiliaries.Contains(w) || w is "ete" or "ont" or "avaient" or "avait" or "sont" or "etaient" or "ne" or "n" or "pas")) return false;
        }
        return false;
    }

    // "L'ennemi attaque l'Ukraine … avec des missiles": the object of an attack is what is struck, not who strikes.
    private bool ObjectOfAttack(Mention m)
    {
        var k = m.Start - 1;
        if (k >= 0 && Grammar.DefiniteArticles.Contains(_t[k].Norm)) k--;
        return k >= 0 && (_t[k].Norm == "contre" || _kb.ImpactWords.Contains(_t[k].Norm) || _kb.StrikeVerbs.Match(_t, k, k + 1, out _) == 1);
    }

    // "Des drones de l'armée malienne ont frappé…", "les avions de la coalition": the owner of the striking machines.
    private bool AgentOwner(Mention m)
    {
        if (m.Prep is not ("de" or "d" or "du" or "des")) return false;
        var k = m.Start - 1;
        if (k >= 0 && Grammar.DefiniteArticles.Contains(_t[k].Norm)) k--;
        return k >= 1 && _t[k].Norm is "de" or "d" or "du" or "des" && (_kb.AgentNouns.Contains(_t[k - 1].Norm) || AgentNounEndingAt(k - 1))
            || k >= 0 && _t[k].Norm is "du" or "des" && k >= 1 && _kb.AgentNouns.Contains(_t[k - 1].Norm);
    }

    // "avions de combat", "avions de chasse": an agent noun of three words ending at k.
    private bool AgentNounEndingAt(int k) =>
        k >= 2 && _t[k - 1].Norm is "de" or "d" && _kb.AgentNouns.Contains(_t[k - 2].Norm + " " + _t[k - 1].Norm + " " + _t[k].Norm);

    // The same striker and source in this sentence or the one before (looked up from the end: a few drafts at most).
    private static bool RecentlyReported(List<StrikeDraft> drafts, StrikeDraft copy, int si)
    {
        for (var k = drafts.Count - 1; k >= 0 && drafts[k].LastSentence >= si - 1; k--)
            if (drafts[k].Perpetrator.Id == copy.Perpetrator.Id && drafts[k].ReportedBy?.Id == copy.ReportedBy?.Id) return true;
        return false;
    }

    /// <summary>Strikers coordinated with the perpetrator by "et": "X et Y", "de X et de son allié russe".</summary>
    private List<ActorEntry> CoordinatedStrikers(Sentence s, ActorEntry perpetrator)
    {
        var found = new List<ActorEntry>();
        foreach (var m in ctx.MentionsIn(s.First, s.End))
        {
            if (m.Actor is not { } a || Striker(a)?.Id != perpetrator.Id) continue;
            var k = m.End;
            if (k >= s.End || _t[k].Norm != "et") continue;
            k++;
            if (k < s.End && _t[k].Norm is "de" or "du" or "des" or "d") k++;
            if (k < s.End && _t[k].Norm is "la" or "le" or "l" or "les" or "son" or "sa" or "ses" or "leur" or "leurs") k++;
            ActorEntry? other = null;
            if (k < s.End && _t[k].Norm is "allie" or "allies" && k + 1 < s.End && _kb.Nationalities.TryGetValue(_t[k + 1].Norm, out var ally)) other = Striker(ally);
            // "les aviations syrienne et russe", "des avions russes et syriens": a second nationality adjective after the agent
            // noun's first.
            else if ((m.Kind == MentionKind.Adjectival || _kb.Nationalities.ContainsKey(_t[m.End - 1].Norm)) && k == m.End + 1 && k < s.End && !_t[k].Cap && _kb.Nationalities.TryGetValue(_t[k].Norm, out var nation)) other = Striker(nation);
            else if (k < s.End && _t[k].Norm is "mercenaires" or "forces" or "troupes" && ctx.MentionAt[k] is { Actor: { } mercs } && Striker(mercs) is { } ms) other = ms;
            else if (k < s.End && ctx.MentionAt[k] is { Actor: { TargetClass: null } b } bm && bm.Start == k && bm.Kind != MentionKind.Anonymous) other = Striker(b);
            if (other is not null && other.Id != perpetrator.Id && found.All(f => f.Id != other.Id)) found.Add(other);
        }
        // "Les États-Unis et le Royaume-Uni ont frappé…": the striker read is the last of the pair; the one before "et" strikes too.
        foreach (var m in ctx.MentionsIn(s.First, s.End))
        {
            if (m.Actor is not { } a || m.Prep is not null || Striker(a) is not { } first || first.Id == perpetrator.Id || found.Any(f => f.Id == first.Id)) continue;
            var k = m.End;
            if (k >= s.End || _t[k].Norm != "et") continue;
            k++;
            if (k < s.End && Grammar.Determiners.Contains(_t[k].Norm)) k++;
            if (k < s.End && ctx.MentionAt[k] is { Actor: { } next } nm && nm.Start == k && Striker(next)?.Id == perpetrator.Id) found.Add(first);
        }
        return found;
    }

    /// <summary>"attribué ces frappes à la coalition", "qu'elles imputent aux forces azerbaïdjanaises": the actor strikes are attributed to.</summary>
    private ActorEntry? AttributedStriker(Sentence s)
    {
        for (var k = s.First; k < s.End; k++)
        {
            if (_kb.AttributionVerbs.Match(_t, k, s.End) == 0) continue;
            for (var j = k + 1; j < Math.Min(s.End, k + 8); j++)
            {
                if (_t[j].Norm is not ("a" or "au" or "aux")) continue;
                var m = j + 1 < s.End && Grammar.DefiniteArticles.Contains(_t[j + 1].Norm) ? j + 2 : j + 1;
                if (m < s.End && ctx.MentionAt[m] is { Actor: { } a } && Striker(a) is { } st) return st;
            }
        }
        return null;
    }

    /// <summary>"Les Casques blancs ont imputé le bombardement à l'aviation russe": the subject of a finite attribution verb reports the
    /// strike it attributes (the verb reports nothing else, so the statement reader gives it no words of its own).</summary>
    private ActorEntry? AttributingSubject(Sentence s)
    {
        for (var k = s.First + 1; k < s.End; k++)
        {
            if (_kb.AttributionVerbs.Match(_t, k, s.End) == 0) continue;
            // Finite: after an auxiliary ("ont imputé") or in the present ("impute", "imputent"); a participle ("attribuées à…")
            // has no subject. Read from the unfolded word: folded, "impute" and "imputé" are one.
            if (!_kb.Auxiliaries.Contains(_t[k - 1].Norm) && Participle(k)) return null;
            var attributed = AttributedStriker(s);
            return ctx.MentionsIn(s.First, k).FirstOrDefault(m => m.Prep is null && m.Actor is { } a && a.Id != attributed?.Id)?.Actor;
        }
        return null;
    }

    /// <summary>The striker a sentence names as an agent ("par les forces russes") or by a military noun and nationality ("les forces russes").</summary>
    private ActorEntry? SubjectOfStrikeWord(Sentence s)
    {
        for (var k = s.First; k < s.End; k++)
        {
            if (_kb.StrikeNouns.Match(_t, k, s.End) == 0 && _kb.StrikeVerbs.Match(_t, k, s.End, out _) == 0) continue;
            ActorEntry? subject = null;
            foreach (var m in ctx.MentionsIn(s.First, k))
                if (m.Prep is null && m.Actor is { } a && a.Kind != "person" && Striker(a) is { } st) { subject = st; break; }
            return subject;
        }
        return null;
    }

    private ActorEntry? NamedStriker(Sentence s)
    {
        foreach (var m in ctx.MentionsIn(s.First, s.End))
            if (m.Actor is { } a && (m.Prep == "par" && !AgentOfOtherParticiple(m, s.First) || m.Kind == MentionKind.Adjectival || a.ActsFor is not null && a.Kind != "person") && Striker(a) is { } st) return st;
        return null;
    }

    /// <summary>The actor whose strikes these are: a state or an armed force (via actsFor); not a source, a target or an anonymous voice.</summary>
    private ActorEntry? Striker(ActorEntry a)
    {
        if (a.ActsFor is { } s) return _kb.Actor(s) ?? a;
        return a.Kind switch
        {
            "state" => a,
            // Coalitions and alliances strike in their own name ("les avions de la coalition").
            "institution" when a.Id is "otan" || a.GenericNouns.Contains("coalition") => a,
            // A government or an armed force named in its own right with its short name ("le GNA", "l'ANL").
            "institution" when a.GenericNouns.Contains(Mentions.MentionFinder.OwnNameGovernment) => a,
            "armed-group" when a.TargetClass is null => a,
            _ => null,
        };
    }

    private List<PlaceEntry> Places(Sentence s, List<(int, int)> excluded)
    {
        var list = new List<PlaceEntry>();
        var blockedUntil = -1;
        for (var i = s.First; i < s.End; i++)
        {
            // "le GNA, basé à Tripoli" blocks its place; "une base aérienne à Ganja" (the noun, folded like the participle, after its
            // determiner) does not.
            if (_kb.NotLocationVerbs.Contains(_t[i].Norm) && !(i > s.First && Grammar.Determiners.Contains(_t[i - 1].Norm))) blockedUntil = i;
            if (blockedUntil >= 0 && _t[i].Norm is "," or "avant" or "pour" or "puis") blockedUntil = -1;
            // "dans le sud de la Somalie", "dans le sud-ouest du pays", "sur l'est de l'Afghanistan": a part of a country named by
            // its direction is a place struck (the country, though not locative after "de"; "du pays", a region of its own).
            if (blockedUntil < 0 && !In(excluded, i) && DirectionalRegion(i, s) is var (region, regionEnd))
            {
                list.Add(region);
                i = regionEnd - 1;
                continue;
            }
            var p = ctx.PlaceAt[i];
            if (p is null || In(excluded, i)) continue;
            if (blockedUntil >= 0 || TheatreOf(p.Start, s.First)) continue;
            list.Add(p.Place);
        }
        return list;
    }

    /// <summary>"A Washington, un responsable américain a affirmé que les frappes russes visaient…": a capital opening the
    /// sentence, set off by a comma before the words that carry the strike, is where they were said, not a place struck.</summary>
    private PlaceEntry? SpeakersSeat(Sentence s, int contentStart)
    {
        if (s.End - s.First < 3 || _t[s.First].Norm is not ("a" or "depuis") || ctx.PlaceAt[s.First + 1] is not { } seat) return null;
        return seat.End < contentStart && _t[seat.End].Norm == "," && _kb.CapitalMetonyms.Contains(Fold.Text(seat.Place.Name)) ? seat.Place : null;
    }

    /// <summary>"la transformation du conflit de Gaza", "a appelé Moscou à faire pression sur Damas": the place is governed by a noun
    /// of war, dealing or mission (theatreNouns), through a preposition and perhaps an article.</summary>
    private bool TheatreOf(int start, int first)
    {
        var j = start - 1;
        if (j >= first && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j--;
        if (j < first || _t[j].Norm is not ("de" or "du" or "d" or "des" or "en" or "au" or "aux" or "a" or "sur" or "dans")) return false;
        if (j - 1 >= first && _kb.TheatreNouns.Contains(_t[j - 1].Norm)) return true;
        // "l'ambassadeur de Syrie à Moscou": the noun's own complement ("de Syrie") may stand between it and the place.
        var k = j - 1;
        while (k > first && _t[k].IsWord && _t[k].Cap && k > j - 4) k--;
        if (k < j - 1 && k - 1 >= first && _t[k].Norm is "de" or "d" or "du") return _kb.TheatreNouns.Contains(_t[k - 1].Norm);
        return false;
    }

    /// <summary>A direction word after "le"/"l'" ("sud", "sud-ouest"), then "de"/"du" and a country or "pays": the country, or for
    /// "du pays" the region so named (id the slug of the words), with the token after it.</summary>
    private (PlaceEntry, int)? DirectionalRegion(int i, Sentence s)
    {
        if (i <= s.First || !_kb.Directions.Contains(_t[i].Norm) || _t[i - 1].Norm is not ("le" or "l")) return null;
        var k = i + 1;
        if (k < s.End && _t[k].HyphenBefore && _kb.Directions.Contains(_t[k].Norm)) k++;
        if (k >= s.End || _t[k].Norm is not ("de" or "du" or "d")) return null;
        k++;
        if (k < s.End && _t[k - 1].Norm is "de" or "d" && _t[k].Norm is "la" or "l" or "le") k++;
        if (k >= s.End) return null;
        // A named country is the place (as "sur le sud d'Israël" always was; CountryIsTheTarget keeps it as the place struck);
        // "du pays" names no country, so the words themselves are the region.
        if (_kb.Places.Match(_t, k, s.End, out var country) is var cl && cl > 0 && country.IsCountry) return (country, k + cl);
        if (_t[k].Norm != "pays" || _t[k].Cap) return null;
        var name = ctx.Doc.Slice(i, k + 1);
        return (new PlaceEntry("region-" + Fold.Slug(name), name, "region", null, null), k + 1);
    }

    private List<(string, string, string?)> Targets(Sentence s, int firstTrigger, List<(int, int)> excluded, ActorEntry perpetrator, ActorEntry? reporter, List<int>? draftTriggers = null)
    {
        draftTriggers ??= [firstTrigger];
        // Noun phrases: a group named as a noun's complement is read whole ("un quartier général des groupes terroristes"; the
        // group, hit through its site, stays a target too); a count noun's complement ("11 cibles de l'Etat islamique") is the target itself.
        var objects = new List<(string, string, string?)>();
        var complementGroups = new List<ActorEntry>();
        var from = PassiveSubjectStart(firstTrigger, s);
        // "Cinq civils sont morts dans des frappes aériennes", "douze personnes ont été tuées dans un raid": the victims of a kill
        // the strike caused, named before it, are what the source says was hit.
        for (var k = s.First; k < from; k++)
        {
            if (In(excluded, k) || ctx.MentionAt[k] is not null) continue;
            var len = _kb.TargetNouns.Match(_t, k, s.End, out var noun);
            if (len == 0) continue;
            // "50 personnes, dont 27 femmes et enfants, étaient mortes": the apposition's victims died with the rest.
            var after = k + len < from && _t[k + len].Norm == "," && InDontApposition(k, s.First) ? k + len + 1 : k + len;
            if (VictimsAfter(after, firstTrigger) || DeadOf(k, s.First))
            {
                var name = ctx.Doc.Slice(k, k + len);
                objects.Add(("objet-" + Fold.Slug(name), name, _kb.TargetClasses.TryGetValue(noun, out var tc) && tc.Length > 0 ? tc : null));
            }
            k += len - 1;
        }
        for (var k = from; k < s.End; k++)
        {
            if (In(excluded, k) || ctx.MentionAt[k] is not null) continue;
            var len = _kb.TargetNouns.Match(_t, k, s.End, out var noun);
            if (len == 0) continue;
            var end = k + len;
            var complement = Complement(end, s.End);
            // "tiré 26 missiles depuis quatre navires de guerre", "64 sorties depuis la base de Hmeimim": where the strikes were
            // launched from is not what they hit.
            if (LaunchedFrom(k, s.First)) { k = Math.Max(k, complement.End - 1); continue; }
            // "près de Raqa, le fief du groupe Etat islamique": a noun set beside a place describes the place; it is not hit besides.
            if (AppositionOfPlace(k, s.First)) { k = Math.Max(k, complement.End - 1); continue; }
            // "cibles / positions de l'EI": the noun only counts the group's places (ReadCounts takes the number).
            if (complement.Group is { } group && _kb.CountNouns.ContainsKey(_t[end - 1].Norm))
            {
                complementGroups.Add(group.Actor!);
                k = group.End - 1;
                continue;
            }
            end = complement.End;
            var name = ctx.Doc.Slice(k, end);
            var cls = _kb.TargetClasses.TryGetValue(noun, out var tc) && tc.Length > 0 ? tc : null;
            var text = Fold.Text(name);
            if (_kb.JihadistWords.Match(_t, k, end) > 0 || text.Contains("terroris") || text.Contains("jihad") || text.Contains("djihad")) cls = "jihadist";
            else if (text.Contains("groupes armes") || text.Contains("rebel") || text.Contains("opposition")) cls = "opposition";
            if (noun is "cibles" or "objectifs" && end == k + len) { k = end - 1; continue; }
            objects.Add(("objet-" + Fold.Slug(name), name, cls));
            k = end - 1;
        }

        var list = new List<(string, string, string?)>();
        foreach (var m in ctx.MentionsIn(s.First, s.End))
        {
            // Groups said to be hit: those the data classes as targets, and any other armed group after the strike word
            // ("des cibles militaires appartenant aux Houthis").
            if (In(excluded, m.Start) || m.Actor is not { } a || a.TargetClass is null && !(a.Kind == "armed-group" && m.Start > firstTrigger)) continue;
            if (a.Id == perpetrator.Id || a.Id == reporter?.Id) continue;
            // Before the strike word only a place's holder ("tenue par l'EI"), or the victims of a kill it caused ("Cinq civils sont
            // morts dans des frappes aériennes": what the source says was hit).
            if (m.Start < from && m.Prep != "par" && !Victims(m, firstTrigger)) continue;
            if (Between(firstTrigger, m.Start)) continue; // "combats entre X et Y"
            if (SaidAbsent(m.End, s.End)) continue; // "des zones où l'EI n'est pas présent"
            if (DeniedAsTarget(m.Start, s.First)) continue; // "ne visent pas l'EI mais l'opposition"
            list.Add((a.Id, TargetName(m, a), a.TargetClass));
        }
        // "deux raids aériens contre le ministère de la Défense", "avait déjà ciblé le ministère de la Défense": an institution
        // as the object of the strike is its target (its building), not a party.
        foreach (var trig in draftTriggers)
        {
            var k = trig + 1;
            while (k < s.End && k - trig < 4 && _t[k].IsWord && !_t[k].Cap && ctx.MentionAt[k] is null && _t[k].Norm is not ("contre" or "le" or "la" or "l" or "les")) k++;
            if (k < s.End && _t[k].Norm == "contre") k++;
            if (k < s.End && Grammar.DefiniteArticles.Contains(_t[k].Norm)) k++;
            if (k < s.End && ctx.MentionAt[k] is { Actor: { Kind: "institution" } inst } im && im.Start == k && inst.Id != perpetrator.Id && inst.ActsFor is null)
                list.Add((inst.Id, inst.Name, null));
        }
        foreach (var g in complementGroups)
            if (g.Id != perpetrator.Id && g.Id != reporter?.Id && g.TargetClass is not null) list.Add((g.Id, g.Name, g.TargetClass));
        list.AddRange(objects);
        return list.DistinctBy(x => x.Item1).ToList();
    }

    /// <summary>A group hit is named as the source names it ("des combattants jihadistes", not the knowledge base's "djihadistes"):
    /// the id stays the group's. A proper name, an acronym or a mention of other words keeps the listed name.</summary>
    private string TargetName(Mention m, ActorEntry a)
    {
        var start = m.Start;
        while (start < m.End && Grammar.Determiners.Contains(_t[start].Norm)) start++;
        if (start >= m.End || _t[start].Cap || a.Kind != "armed-group") return a.Name;
        var written = ctx.Doc.Slice(start, m.End);
        return Fold.Text(written).Contains(Fold.Text(a.Name), StringComparison.Ordinal) ? a.Name : written;
    }

    /// <summary>A military site or an armed group next to the verb, as its object ("avoir détruit un dépôt de munitions") or its
    /// passive subject ("des camps d'entraînement de l'EI ont été détruits"), within the clause.</summary>
    private bool MilitaryTargetNear(int i, int len, Sentence s)
    {
        for (var k = i - 1; k >= Math.Max(s.First, i - 7) && _t[k].Norm is not ("," or ";" or ":" or "que" or "qu"); k--)
            if (MilitaryWordAt(k)) return true;
        for (var k = i + len; k < Math.Min(s.End, i + len + 7) && _t[k].Norm is not ("," or ";" or ":" or "et"); k++)
            if (MilitaryWordAt(k)) return true;
        return false;
    }

    private bool MilitaryWordAt(int k) => _kb.MilitaryTargets.Contains(_t[k].Norm) || ctx.MentionAt[k] is { Actor.Kind: "armed-group" };

    /// <summary>"des camps d'entraînement de l'EI avaient été détruits": the subject of a passive strike verb is what was hit;
    /// where that subject starts (the trigger itself when the verb is not passive).</summary>
    private int PassiveSubjectStart(int trigger, Sentence s)
    {
        // "Un hôpital de campagne a été touché mardi par des frappes aériennes": a strike noun as the passive's agent; the
        // participle a few words before it has the subject.
        if (trigger - 2 >= s.First && _t[trigger - 2].Norm == "par" && _t[trigger - 1].Norm is "des" or "une" or "un" or "les" or "la" or "le" or "l")
            for (var e = trigger - 3; e > Math.Max(s.First, trigger - 7) && _t[e].IsWord; e--)
            {
                if (_t[e - 1].Norm != "ete") continue;
                trigger = e;
                break;
            }
        if (trigger - 1 < s.First || _t[trigger - 1].Norm != "ete") return trigger;
        var k = trigger - 2;
        while (k >= s.First && _kb.Auxiliaries.Contains(_t[k].Norm) || k >= s.First && _t[k].Norm is "ne" or "n") k--;
        var start = k + 1;
        for (var j = k; j >= Math.Max(s.First, k - 8); j--)
        {
            if (!_t[j].IsWord || _t[j].Norm is "que" or "qu" || _kb.Verbs.Match(_t, j, s.End, out _) > 0) break;
            start = j;
        }
        // "Un hôpital de campagne soutenu par Médecins sans frontières (MSF) a été touché": a sentence opening on a target noun
        // (past a wire dateline: "GENEVE, 20 octobre 2015 (AFP) - Un hôpital…"), or the reported words opening on one ("a
        // affirmé qu'un hôpital qu'elle soutient à Sarmine, dans la province d'Idleb, avait été touché"), has it as the subject,
        // whatever modifies it before the verb.
        bool OpensOnTarget(int opening, int reach) => opening >= s.First && start > opening && k - opening <= reach
            && Grammar.Determiners.Contains(_t[opening].Norm) && _kb.TargetNouns.Match(_t, opening + 1, k + 1) > 0;
        var afterDateline = ctx.Opening(s);
        if (OpensOnTarget(afterDateline, 14)) return afterDateline;
        if (_carrier is { Cue.ContentBefore: false } c && c.ContentStart > s.First && c.ContentStart < k && OpensOnTarget(c.ContentStart, 18)) return c.ContentStart;
        return start;
    }

    /// <summary>A noun in apposition to the place just named: ", le fief de…", ", bastion de…" right after a place.</summary>
    private bool AppositionOfPlace(int k, int first)
    {
        var j = k - 1;
        if (j >= first && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j--;
        if (j - 1 < first || _t[j].Norm != ",") return false;
        for (var p = j - 1; p >= Math.Max(first, j - 6); p--)
            if (ctx.PlaceAt[p] is { } place) return place.End == j;
        return false;
    }

    private bool LaunchedFrom(int k, int first)
    {
        for (var j = k - 1; j >= Math.Max(first, k - 3); j--)
        {
            if (_t[j].Norm == "depuis") return true;
            if (!(Grammar.Determiners.Contains(_t[j].Norm) || _t[j].Norm is "des" || _t[j].Kind == TokenKind.Number || _kb.NumberUnits.ContainsKey(_t[j].Norm))) return false;
        }
        return false;
    }

    private bool SaidAbsent(int k, int end)
    {
        for (var j = k; j < Math.Min(end, k + 6); j++)
        {
            if (_t[j].Norm is "," or "." or ";") return false;
            if (_kb.AbsenceWords.Contains(_t[j].Norm)) return true;
            if (_t[j].Norm is "pas" or "plus" or "jamais" && j + 1 < end && _kb.PresenceWords.Contains(_t[j + 1].Norm)) return true;
        }
        return false;
    }

    private bool Between(int from, int to)
    {
        for (var k = from; k < to; k++) if (_t[k].Norm == "entre") return true;
        return false;
    }

    /// <summary>The complement of a target noun, from <paramref name="at"/>: "de"/"du"/"des", an article, then either a named
    /// group (Group set, End after it) or a few lower-case words ("positions de groupes armés", "camp de combattants").
    /// A complement never ends on a function word: what the reading stops at (a name, a place, a clause) is not part of it,
    /// so "de l'" before a name and "de" before a place are left out rather than kept as a cut-off phrase.</summary>
    private (int End, Mention? Group) Complement(int at, int limit)
    {
        if (at + 1 >= limit || _t[at].Norm is not ("de" or "d" or "du" or "des")) return (at, null);
        var c = at + 1;
        while (c < limit && ctx.MentionAt[c] is null && Grammar.DefiniteArticles.Contains(_t[c].Norm)) c++;
        if (c < limit && ctx.MentionAt[c] is { Actor: not null } m) return (m.End, m);
        if (c >= limit || !_t[c].IsWord || _t[c].Cap) return (at, null);
        // The head of the complement may itself be a target noun ("un camp de combattants").
        var head = _kb.TargetNouns.Match(_t, c, limit);
        var e = c + Math.Max(head, 0);
        while (e < limit && e - at < 6 && _t[e].IsWord && !_t[e].Cap && ctx.MentionAt[e] is null && _kb.TargetNouns.Match(_t, e, limit) == 0
               && _t[e].Norm is not ("dans" or "a" or "au" or "sur" or "pres" or "qui" or "et" or "ete") && !_kb.Auxiliaries.Contains(_t[e].Norm)) e++;
        // "un hôpital de campagne soutenu par MSF": a participle with its agent closes the complement.
        if (e - 2 > c && _t[e - 1].Norm == "par") e -= 2;
        while (e > c && _t[e - 1].Norm is "de" or "d" or "du" or "des" or "l" or "la" or "le" or "les" or "un" or "une") e--;
        return e > c ? (e, null) : (at, null);
    }

    private bool ClaimsOwnStrike(Sentence s, int trigger)
    {
        for (var k = s.First; k < trigger; k++) if (_kb.ClaimOwnStrikeVerbs.Contains(_t[k].Norm)) return true;
        return false;
    }

    // "quatre de ces missiles sont tombés en Iran": where strikes fell is a place struck, not the theatre of a campaign.
    private bool AerialAgentNear(int i, Sentence s)
    {
        for (var k = Math.Max(s.First, i - 8); k < Math.Min(s.End, i + 4); k++) if (_kb.AerialAgents.Contains(_t[k].Norm)) return true;
        return false;
    }

    /// <summary>"Moscou affirme que ses frappes ont visé l'EI. Washington assure qu'elles ont touché des civils": a subject pronoun
    /// just before the verb at <paramref name="i"/> takes up the strikes the sentence before named (its strike noun), as their
    /// own aircraft would.</summary>
    private bool StrikesTakenUp(int si, int i, Sentence s)
    {
        if (si == 0 || ctx.Doc.Sentences[si - 1].Block != s.Block) return false;
        var pronoun = false;
        for (var k = i - 1; k >= Math.Max(s.First, i - 4) && !pronoun; k--) pronoun = _t[k].Norm is "elles" or "ils";
        if (!pronoun) return false;
        return NamesAStrike(si - 1);
    }

    // Whether a sentence holds a strike noun, kept for the last sentence asked: each strike verb after a pronoun in the next
    // sentence asks again.
    private (int Sentence, bool Names) _strikeNamed = (-1, false);

    private bool NamesAStrike(int si)
    {
        if (_strikeNamed.Sentence == si) return _strikeNamed.Names;
        var s = ctx.Doc.Sentences[si];
        var names = false;
        for (var k = s.First; k < s.End && !names; k++) names = _kb.StrikeNouns.Match(_t, k, s.End) > 0;
        _strikeNamed = (si, names);
        return names;
    }

    /// <summary>"tiré des missiles Kalibr depuis un sous-marin en mer Noire": every place of the sentence is where the strike was
    /// launched from (kept as a location, as the seeds' annotations do), so where it fell is still to be found.</summary>
    private bool LaunchPlacesOnly(Sentence s)
    {
        var any = false;
        for (var k = s.First; k < s.End; k++)
        {
            if (ctx.PlaceAt[k] is null || k > s.First && ctx.PlaceAt[k - 1] == ctx.PlaceAt[k]) continue;
            any = true;
            var launched = false;
            for (var j = k - 1; j >= Math.Max(s.First, k - 5) && !launched; j--) launched = _t[j].Norm == "depuis";
            if (!launched) return false;
        }
        return any;
    }

    /// <summary>The striker is named before the strike word, or as its complement or agent just after it ("les attaques de
    /// l'armée", "attaques menées par"), not in what it hits ("contre des bases abritant des troupes américaines").</summary>
    private bool NamedIn(Sentence s, int trigger, ActorEntry striker)
    {
        foreach (var m in ctx.MentionsIn(s.First, s.End))
            if (m.Actor is { } a && Striker(a)?.Id == striker.Id
                && (m.Start < trigger || m.Start <= trigger + 4 && m.Prep is "de" or "d" or "du" or "des" or "par")) return true;
        return false;
    }

    /// <summary>Words of air or missile warfare (aircraft, drones, missiles, weapons, strike words) in the sentence, other than
    /// [from, to), or in the sentence before or after it in the same paragraph (or, <paramref name="acrossParagraphs"/>, in the
    /// paragraph before or after: wire copy gives a ministry's one-sentence communiqué a paragraph of its own).</summary>
    private bool AirWarContext(int si, int from, int to, bool acrossParagraphs = false)
    {
        var sentences = ctx.Doc.Sentences;
        for (var j = Math.Max(0, si - 1); j <= Math.Min(sentences.Count - 1, si + 1); j++)
        {
            var s = sentences[j];
            if (s.Block != sentences[si].Block && !acrossParagraphs) continue;
            for (var k = s.First; k < s.End; k++)
            {
                if (k >= from && k < to) continue;
                if (_kb.AerialAgents.Contains(_t[k].Norm) || _kb.Weapons.Match(_t, k, s.End) > 0 || _kb.StrikeNouns.Match(_t, k, s.End) > 0
                    || _kb.StrikeVerbs.Match(_t, k, s.End, out _) > 0 && !_kb.StrikeVerbsNeedingAux.Contains(_t[k].Norm)) return true;
            }
        }
        return false;
    }

    private bool PointsAtPlace(Sentence s)
    {
        for (var k = s.First; k + 1 < s.End; k++)
        {
            if (_t[k].Norm is "cette" or "ces" or "ce" && _kb.PlaceBackReferences.Contains(_t[k + 1].Norm)) return true;
            // "Les frappes y ont tué 17 civils": the pronoun before an auxiliary (not "il y a", "n'y a", "s'y trouvent").
            if (_t[k].Norm == "y" && k > s.First && _t[k - 1].Norm is not ("il" or "n" or "s") && _kb.Auxiliaries.Contains(_t[k + 1].Norm)) return true;
        }
        return false;
    }

    // An accusation verb ("accuse", "a accusé", "reprochent") a few words before "de" + infinitive.
    private bool AccusedOf(int i, Sentence s)
    {
        for (var k = i - 2; k >= Math.Max(s.First, i - 10); k--)
            if (_t[k].Norm.StartsWith("accus", StringComparison.Ordinal) || _t[k].Norm.StartsWith("reproch", StringComparison.Ordinal)) return true;
        return false;
    }

    // Two speakers of one sentence accusing each other ("s'accusent mutuellement", "se sont accusés mutuellement"), as strikers.
    private (ActorEntry, ActorEntry)? Reciprocal(int si, Sentence s)
    {
        var reciprocal = false;
        for (var k = s.First; k < s.End && !reciprocal; k++) reciprocal = _kb.Reciprocal.Contains(_t[k].Norm);
        if (!reciprocal) return null;
        ActorEntry? first = null;
        foreach (var d in StatementsOf(si))
        {
            if (d.Sentence != si || Striker(d.Speaker) is not { } st) continue;
            if (first is null) first = st;
            else if (st.Id != first.Id) return (first, st);
        }
        return null;
    }

    // "tirés depuis la mer Caspienne, se sont écrasés en Iran": the country where missiles fell is a place of the report (the
    // launch sea stays one too), though countries are otherwise only kept when no specific place is named.
    private bool FellIn(Sentence s, PlaceEntry country)
    {
        for (var k = s.First + 1; k < s.End; k++)
        {
            if (ctx.PlaceAt[k] is not { } pm || pm.Place.Id != country.Id) continue;
            for (var j = k - 1; j >= Math.Max(s.First, k - 4); j--)
                if (_kb.FallWords.Contains(_t[j].Norm)) return true;
        }
        return false;
    }

    private bool HasImpact(Sentence s)
    {
        for (var k = s.First; k < s.End; k++) if (_kb.FallWords.Contains(_t[k].Norm)) return true;
        return false;
    }

    private void ReadCounts(Sentence s, List<(int, int)> excluded, Dictionary<string, int> counts)
    {
        var kill = false;
        for (var k = s.First; k < s.End; k++) if (_kb.KillWords.Contains(_t[k].Norm)) kill = true;
        string? lastKey = null;
        for (var k = s.First; k < s.End; k++)
        {
            if (In(excluded, k) || !NumberReader.TryRead(_t, k, s.End, _kb, out var value, out var len)) continue;
            var n = k + len;
            if (n < s.End && _t[n].Norm is "de" or "d") n++;
            if (n < s.End && _kb.CountNouns.TryGetValue(_t[n].Norm, out var key))
            {
                if (key == "killed" && !kill) { k = n; continue; }
                if (_kb.Months.ContainsKey(_t[n].Norm)) { k = n; continue; }
                if (!counts.ContainsKey(key)) counts[key] = value;
                lastKey = key;
                k = n;
                continue;
            }
            // "quatre lieux dans la province de Hama, et trois dans celle d'Idleb": the count goes on.
            if (lastKey is not null && n < s.End && _t[n].Norm is "dans" or "a" or "au" or "sur" && (k == s.First || _t[k - 1].Norm is "et" or ","))
                counts[lastKey] += value;
            k += len - 1;
        }
    }

    private bool IsCampaign(Sentence s, List<int> triggers)
    {
        // Only words near the strike words count: "l'ONG …, pays en guerre depuis 2011, a précisé que ces frappes…" dates the
        // war, not the strikes.
        var from = Math.Max(s.First, triggers.Min() - 8);
        var to = Math.Min(s.End, triggers.Max() + 12);
        for (var i = from; i < to; i++)
        {
            var n = _t[i].Norm;
            if (n == "depuis" && i + 1 < s.End)
            {
                var next = _t[i + 1];
                if (next.Kind == TokenKind.Number || next.Norm is "plus" or "longtemps" || next.Norm is "le" && i + 2 < s.End && _t[i + 2].Kind == TokenKind.Number
                    || next.Norm is "un" or "une" or "deux" or "trois" or "quelques" or "des" && i + 2 < s.End && Grammar.DurationUnits.Contains(_t[i + 2].Norm))
                    return true;
                continue;
            }
            if (Grammar.CampaignWords.Contains(n)) return true;
        }
        return triggers.Any(t => _kb.HabitualForms.Contains(_t[t].Norm)) && !DateReader.Find(_t, s.First, s.End, _kb).Any();
    }

    // A headline (the first line, one sentence) retold by the lead's first sentence is the same report too.
    private static bool CanMerge(StrikeDraft a, StrikeDraft b, int si) =>
        (a.Block == b.Block || a.FirstSentence == 0 && si == 1 && b.Block == a.Block + 1) && a.LastSentence == si - 1 && a.Perpetrator.Id == b.Perpetrator.Id && a.Scope == b.Scope
        && (b.ReportedBy is null || a.ReportedBy?.Id == b.ReportedBy.Id)
        && (a.Weekday is null || b.Weekday is null || a.Weekday == b.Weekday)
        // "Des frappes russes ont visé jeudi Talbisseh. Des frappes russes ont visé jeudi Rastane.": other places, other strikes.
        // A country or a sea missiles are fired from ("tirés depuis la mer Caspienne. Ils ont frappé al-Bab") does not tell strikes apart.
        && (b.Retelling || !a.Places.Any(Distinguishing) || !b.Places.Any(Distinguishing) || b.Places.Any(p => Distinguishing(p) && a.Places.Contains(p)))
        && !b.Counts.Any(kv => a.Counts.TryGetValue(kv.Key, out var v) && v != kv.Value);

    private static bool Distinguishing(PlaceEntry p) => !p.IsCountry && p.Kind != "sea";

    private static void Merge(StrikeDraft into, StrikeDraft other)
    {
        foreach (var p in other.Places) if (!into.Places.Contains(p)) into.Places.Add(p);
        foreach (var t in other.Targets) if (!into.Targets.Any(x => x.Id == t.Id)) into.Targets.Add(t);
        foreach (var (k, v) in other.Counts) into.Counts.TryAdd(k, v);
        into.Weapon ??= other.Weapon;
        into.Date ??= other.Date;
        into.Weekday ??= other.Weekday;
        into.LastSentence = Math.Max(into.LastSentence, other.LastSentence);
        into.Span = new Span(Math.Min(into.Span.Start, other.Span.Start), Math.Max(into.Span.End, other.Span.End));
        into.Triggers.AddRange(other.Triggers);
    }

    // What a campaign hits, told in several places by the same voice, is one report.
    private static List<StrikeDraft> MergeCampaign(List<StrikeDraft> drafts)
    {
        var result = new List<StrikeDraft>();
        var campaigns = new Dictionary<(string, string?), StrikeDraft>();
        foreach (var d in drafts)
        {
            if (d.Scope != Strike.CampaignScope) { result.Add(d); continue; }
            if (campaigns.TryGetValue((d.Perpetrator.Id, d.ReportedBy?.Id), out var same)) { Merge(same, d); continue; }
            campaigns[(d.Perpetrator.Id, d.ReportedBy?.Id)] = d;
            result.Add(d);
        }
        return result;
    }
}
