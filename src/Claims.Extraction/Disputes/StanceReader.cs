using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;
using Claims.Extraction.Statements;
using Claims.Extraction.Strikes;
using Claims.Extraction.Text;

namespace Claims.Extraction.Disputes;

/// <summary>What a piece of text says about whom someone's strikes hit, with how it says it (negated, contrasted).</summary>
public sealed record StanceReading(ActorEntry Striker, string Position, bool FromStrikerSide, bool Contrastive, int Sentence);

/// <summary>Reads whom statements and strike reports say the strikes hit: the Islamic State / "terroristes" or the
/// opposition ("ne ciblent pas principalement l'EI, mais d'autres groupes", "trop cibler la rébellion"), and whether the
/// claim comes from the striker's own camp. Also gives the final records their ids.</summary>
public sealed class StanceReader
{
    private readonly ArticleContext _ctx;
    private readonly KnowledgeBase _kb;
    private readonly List<Token> _t;
    private readonly List<StatementDraft> _drafts;
    private readonly List<StrikeDraft> _strikes;
    private readonly ActorEntry? _storyStriker;

    public Dictionary<StatementDraft, StanceReading> ByStatement { get; } = new();
    public Dictionary<StatementDraft, string> StatementIds { get; } = new();
    /// <summary>The strike reports read before the stances (disputes tie a denial to the event by its striker).</summary>
    public IReadOnlyList<StrikeDraft> StrikeDrafts => _strikes;

    public StanceReader(ArticleContext ctx, List<StatementDraft> drafts, List<StrikeDraft> strikes)
    {
        _ctx = ctx;
        _kb = ctx.Kb;
        _t = ctx.Tokens;
        _drafts = drafts;
        _strikes = strikes;
        _storyStriker = strikes.GroupBy(s => s.Perpetrator.Id).OrderByDescending(g => g.Count()).FirstOrDefault()?.First().Perpetrator;
        for (var i = 0; i < drafts.Count; i++)
        {
            if ((i & 63) == 0) ctx.Cancellation.ThrowIfCancellationRequested();
            StatementIds[drafts[i]] = "s" + (i + 1);
            if (Read(drafts[i]) is { } stance) ByStatement[drafts[i]] = stance;
        }
    }

    public IReadOnlyList<Statement> Statements()
    {
        var aliases = ActorAliases;
        return _drafts.Select(d => new Statement(StatementIds[d], ArticleContext.Ref(d.Speaker), aliases.GetValueOrDefault(d.Speaker.Id) ?? [], d.Text, d.Mode, d.Span)
        {
            Stance = ByStatement.TryGetValue(d, out var st) ? new TargetStance(ArticleContext.Ref(st.Striker), st.Position, st.FromStrikerSide, Weekday(st.Sentence)) : null,
        }).ToList();
    }

    public IReadOnlyList<Strike> Strikes() => _strikes.Select((d, i) =>
    {
        var classes = d.Targets.Select(t => t.Class).Where(c => c is "jihadist" or "opposition").ToHashSet();
        TargetStance? stance = classes.Count == 0 ? null
            : new TargetStance(ArticleContext.Ref(d.Perpetrator), classes.Contains("opposition") ? TargetStance.Opposition : TargetStance.Jihadists,
                d.ReportedBy is { } r && (r.Id == d.Perpetrator.Id || r.Side == d.Perpetrator.Id || r.ActsFor == d.Perpetrator.Id), d.Weekday);
        return new Strike("k" + (i + 1), ArticleContext.Ref(d.Perpetrator), d.ReportedBy is null ? null : ArticleContext.Ref(d.ReportedBy),
            d.Places.Select(p => new PlaceRef(p.Id, NameAsWritten(p), p.ProvinceName)).ToList(),
            d.Targets.Select(t => new ActorRef(t.Id, t.Name)).ToList(), d.Weapon, d.Date, d.Counts, _ctx.Doc.Text[d.Span.Start..d.Span.End], d.Span)
        { Scope = d.Scope, Weekday = d.Weekday, Stance = stance };
    }).ToList();

    /// <summary>A place keeps its id, but is named as the article spells it when the article's proper name differs from the
    /// knowledge base's ("Idlib" for Idleb, "Latakia" for Lattaquié): GUIDELINES.md records places as named, and annotations
    /// and readers match them by name. The first spelling in the article wins; a reference without a proper name ("la
    /// capitale") keeps the listed name.</summary>
    private string NameAsWritten(PlaceEntry place) => (_writtenNames ??= WrittenNames()).GetValueOrDefault(place.Id) ?? place.Name;

    private Dictionary<string, string>? _writtenNames;

    private Dictionary<string, string> WrittenNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in _ctx.Places)
        {
            // A reference with no proper name ("la deuxième ville du pays") leaves the spelling to a later mention.
            if (seen.Contains(m.Place.Id) || !HasProperName(m)) continue;
            seen.Add(m.Place.Id);
            var first = m.Start;
            while (first < m.End - 1 && (Grammar.Determiners.Contains(_t[first].Norm) || !_t[first].IsWord)) first++;
            var written = _ctx.Doc.Slice(first, m.End);
            var listed = Fold.Words(m.Place.Name).ToHashSet(StringComparer.Ordinal);
            // Only a proper name spelt otherwise: capitalised words of the mention that the listed name does not hold.
            var respelt = false;
            for (var k = first; k < m.End; k++) if (_t[k].Cap && _t[k].IsWord && !listed.Contains(_t[k].Norm)) respelt = true;
            if (!respelt) continue;
            // The listed name's own head stays when the article names only the proper name ("les provinces de Hama, d'Idlib":
            // "province d'Idlib").
            var cap = 0;
            while (cap < m.Place.Name.Length && !char.IsUpper(m.Place.Name[cap])) cap++;
            names[m.Place.Id] = cap > 0 && cap < m.Place.Name.Length && written.Length > 0 && char.IsUpper(written[0]) ? m.Place.Name[..cap] + written : written;
        }
        return names;
    }

    private bool HasProperName(PlaceMention m)
    {
        for (var k = m.Start; k < m.End; k++) if (_t[k].Cap && _t[k].IsWord && !Grammar.Determiners.Contains(_t[k].Norm)) return true;
        return false;
    }

    private string? Weekday(int sentence)
    {
        var s = _ctx.Doc.Sentences[sentence];
        return DateReader.Find(_t, s.First, s.End, _kb).Select(d => d.Weekday).FirstOrDefault(w => w is not null);
    }

    /// <summary>Per actor id, the other forms the article names it by (its statements' aliases; also written beside a dispute's or a
    /// strike's actors, as the guidelines ask of every record).</summary>
    public IReadOnlyDictionary<string, List<string>> ActorAliases => _aliases ??= Aliases();

    private Dictionary<string, List<string>>? _aliases;

    private Dictionary<string, List<string>> Aliases()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in _ctx.Mentions)
        {
            if (m.Actor is not { } a || m.Kind == MentionKind.Pronoun) continue;
            var surface = _ctx.Doc.Slice(m.Start, m.End);
            if (Fold.Text(surface) == Fold.Text(a.Name)) continue;
            if (!result.TryGetValue(a.Id, out var list)) result[a.Id] = list = [];
            if (!list.Contains(surface) && list.Count < 6) list.Add(surface);
        }
        return result;
    }

    private StanceReading? Read(StatementDraft d)
    {
        int a = d.ContentStart, b = d.ContentEnd;
        var targeting = -1;
        // The targeting verb, not a strike noun that spells like one inside a mention ("les frappes russes").
        for (var k = a; k < b; k++) if (_kb.TargetingWords.Contains(_t[k].Norm) && _ctx.MentionAt[k] is null) { targeting = k; break; }
        var accusing = d.Cue.Verb?.Lemma is "accuser" || d.Cue.Kind == CueKind.Passive || d.Cue.Verb?.Complement == "a";
        // "il n'y a aucun combattant de l'EI dans ce secteur", "aucune position de l'EI n'est présente": the group's presence
        // denied where strikes are said to hit it speaks of whom they hit.
        if (targeting < 0 && !accusing && !PresenceTold(a, b)) return null;

        bool jihadist = false, opposition = false, negatedJihadist = false, contrast = false;
        for (var k = a; k < b; k++)
        {
            var m = _ctx.MentionAt[k];
            if (m is { Actor.TargetClass: { } cls } && m.Start == k)
            {
                if (cls == "jihadist")
                {
                    jihadist = true;
                    // "des zones où l'EI n'est pas présent": the group is said to be absent where the strikes fall.
                    if (NegatedBefore(k, a) || Absent(m.End, b)) negatedJihadist = true;
                }
                else opposition = true;
                k = m.End - 1;
                continue;
            }
            if (m is null)
            {
                var ol = _kb.OppositionWords.Match(_t, k, b);
                if (ol > 0 && !(k + ol < b && _t[k + ol].Norm is "terroristes" or "jihadistes" or "djihadistes")) { opposition = true; k += ol - 1; continue; }
                if (_kb.JihadistWords.Match(_t, k, b) > 0) { jihadist = true; if (NegatedBefore(k, a)) negatedJihadist = true; }
            }
            if (_kb.Contrasts.Match(_t, k, b) > 0 && !(k > a && _t[k - 1].Norm == "non")) contrast = true;
            // "L'opposition syrienne affirme que la plupart des frappes ont visé ses positions": the opposition's own positions.
            if (targeting >= 0 && k > targeting && _t[k].Norm is "ses" or "leurs" or "nos" or "notre" or "leur" or "son" or "sa" && k + 1 < b
                && _kb.TargetNouns.Match(_t, k + 1, b) > 0 && OfTheOpposition(d.Speaker)) opposition = true;
        }
        var unfounded = false;
        for (var k = a; k < b; k++) if (_kb.Unfounded.Match(_t, k, b) > 0) unfounded = true;

        string? position = null;
        if (unfounded && negatedJihadist) position = TargetStance.Jihadists;
        else if (negatedJihadist || opposition && (contrast || !jihadist)) position = TargetStance.Opposition;
        else if (jihadist && targeting >= 0) position = TargetStance.Jihadists;
        if (position is null) return null;

        var striker = StrikerIn(a, targeting >= 0 ? targeting : b) ?? (d.Cue.Object?.Actor is { } o ? Striker(o) : null)
            // The speaker's own state strikes only when the story's strikes are not another's: "Plus de 90 % des frappes ne
            // visaient pas l'EI", said by the State Department of Russian strikes, speaks of Russia's.
            ?? (d.Speaker.IsState || d.Speaker.ActsFor is not null ? Striker(d.Speaker) is { } own && (_storyStriker is null || _storyStriker.Id == own.Id) ? own : null : null)
            ?? _storyStriker;
        if (striker is null) return null;
        var ownSide = d.Speaker.Id == striker.Id || d.Speaker.Side == striker.Id || d.Speaker.ActsFor == striker.Id;
        return new StanceReading(striker, position, ownSide, contrast || negatedJihadist || unfounded, d.Sentence);
    }

    // The opposition's camp: an armed group the data classes as opposition, or a voice of that camp ("opposition syrienne").
    private static bool OfTheOpposition(ActorEntry speaker) => speaker.TargetClass == TargetStance.Opposition || speaker.Side == TargetStance.Opposition;

    private bool Absent(int k, int end)
    {
        for (var j = k; j < Math.Min(end, k + 6); j++)
        {
            if (_kb.AbsenceWords.Contains(_t[j].Norm)) return true;
            if (_t[j].Norm is "," or "." or ";") return false;
            if (_t[j].Norm is "ne" or "n")
                for (var h = j + 1; h < Math.Min(end, j + 5); h++)
                    if (_t[h].Norm is "pas" or "plus" or "jamais") return h + 1 < end && (_kb.PresenceWords.Contains(_t[h + 1].Norm) || h + 2 < end && _kb.PresenceWords.Contains(_t[h + 2].Norm));
        }
        return false;
    }

    private bool PresenceTold(int a, int b)
    {
        bool none = false, presence = false;
        for (var k = a; k < b; k++)
        {
            if (Grammar.NoneDeterminers.Contains(_t[k].Norm)) none = true;
            if (_kb.PresenceWords.Contains(_t[k].Norm) || _t[k].Norm == "y" && k + 1 < b && _t[k + 1].Norm is "a" or "avait") presence = true;
        }
        return none && presence;
    }

    private bool NegatedBefore(int k, int from)
    {
        for (var j = k - 1; j >= Math.Max(from, k - 7); j--)
        {
            if (_t[j].Norm is "pas" or "jamais" or "non" or "aucun" or "aucune" && !(j + 1 < _t.Count && _t[j + 1].Norm == "seulement")) return true;
            if (_t[j].Norm is "," && j < k - 2) return false;
        }
        return false;
    }

    private ActorEntry? StrikerIn(int a, int before)
    {
        ActorEntry? found = null;
        foreach (var m in _ctx.MentionsIn(a, before))
            if (m.Prep is null && m.Actor is { TargetClass: null } actor && Striker(actor) is { } s) found = s;
        return found;
    }

    private ActorEntry? Striker(ActorEntry a) =>
        a.ActsFor is { } s ? _kb.Actor(s) ?? a : a.Kind is "state" || a.Id is "coalition-internationale" ? a : null;
}
