using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;
using Claims.Extraction.Text;

namespace Claims.Extraction.Statements;

/// <summary>A statement being built, with the cue that produced it (the strike and dispute readers use both).</summary>
public sealed class StatementDraft
{
    public required ActorEntry Speaker { get; init; }
    public required int ContentStart { get; set; }
    public required int ContentEnd { get; set; }
    public required string Text { get; set; }
    public required string Mode { get; init; }
    public required Span Span { get; set; }
    public required Cue Cue { get; init; }
    public required int Sentence { get; init; }
    public int LastSentence { get; set; }
    /// <summary>A contesting verb with no words of its own ("mais Paris conteste", "ce qu'Erevan a démenti"): it points back at
    /// the claim reported before it. Kept for the dispute reader, never a statement.</summary>
    public bool PointsBack { get; init; }

    /// <summary>The words begin with a past infinitive ("avoir pris pour cible…", "d'avoir bombardé…"): the speaker tells its own act.</summary>
    public bool DeniesOwnActionShape(List<Token> t)
    {
        // "ont annoncé, vendredi soir, avoir mené un raid": time words and commas before the infinitive.
        var k = AfterAddressee(t, ContentStart);
        while (k < t.Count && k < ContentStart + 5 && (t[k].Norm == "," || Grammar.TimeWordsBeforeContent.Contains(t[k].Norm))) k++;
        return k < t.Count && (t[k].Norm is "avoir" || t[k].Norm is "d" && k + 1 < t.Count && t[k + 1].Norm is "avoir");
    }

    /// <summary>"a démenti avoir bombardé…": the speaker denies its own action (an infinitive after a denial verb).</summary>
    public bool DeniesOwnAction(List<Token> t)
    {
        if (Cue.Verb is not { Dispute: true }) return false;
        var k = AfterAddressee(t, ContentStart);
        return k < t.Count && (t[k].Norm is "avoir" or "etre"
            || t[k].Norm is "d" && k + 1 < t.Count && t[k + 1].Norm is "avoir" or "etre"
            // "a démenti viser des civils": a present infinitive of striking.
            || Grammar.DeniedActInfinitives.Contains(t[k].Norm));
    }

    /// <summary>"a démenti auprès de la Turquie avoir été impliquée…": the addressee stands between the verb and the infinitive
    /// it denies; where the infinitive starts (or <paramref name="k"/> when there is no addressee or no infinitive after it).</summary>
    public static int AfterAddressee(List<Token> t, int k)
    {
        if (k >= t.Count || !Grammar.AddresseeWords.Contains(t[k].Norm)) return k;
        // A short noun phrase ("de la Turquie", "des autorités turques") and the infinitive after it.
        for (var j = k + 1; j < Math.Min(t.Count, k + 8); j++)
        {
            if (t[j].Norm is "," or ";" or "." or "que" or "qu") return k;
            if (t[j].Norm is "avoir" or "etre" || Grammar.DeniedActInfinitives.Contains(t[j].Norm)
                || t[j].Norm is "d" && j + 1 < t.Count && t[j + 1].Norm is "avoir" or "etre") return j;
        }
        return k;
    }
}

/// <summary>Finds who said what: reporting verbs (speaker before or after, "a-t-il ajouté"), "selon / d'après / pour X",
/// quotations with their speaker, "Cette mise en garde est signée X", "détaillés par X : «…»", and the accusers of
/// "les accusations de X selon lesquelles…". Pronouns and role words refer back to the last speaker.</summary>
public sealed class StatementReader(ArticleContext ctx)
{
    private readonly KnowledgeBase _kb = ctx.Kb;
    private readonly List<Token> _t = ctx.Tokens;
    private ActorEntry? _lastSpeaker;
    // The last speaker that is not one person: "ils" / "elles" refer to it rather than to a person quoted since.
    private ActorEntry? _lastGroupSpeaker;

    /// <summary>The speaker a subject pronoun refers to: "il" / "elle" the last speaker; "ils" / "elles" the last one that is not a
    /// single person (the state or the institution quoted before its spokesman), else that person's side.</summary>
    private ActorEntry? PronounSpeaker(string? head)
    {
        if (head is "il" or "elle") return _lastSpeaker ?? RecentPerson();
        if (head is not ("ils" or "elles")) return null;
        if (_lastSpeaker is not { Kind: "person" } person) return _lastSpeaker;
        return _lastGroupSpeaker ?? (person.Side is { } side ? _kb.Actor(side) : null) ?? person;
    }

    // The sentence being read: a pronoun before any speaker looks back from it.
    private int _sentence;

    /// <summary>"Le ministre X est arrivé à Bruxelles. « … », a-t-il déclaré": before anyone has spoken, "il" / "elle" is the
    /// person last named in the one or two sentences before (never further back, never inside the sentence itself).</summary>
    private ActorEntry? RecentPerson()
    {
        var sentences = ctx.Doc.Sentences;
        for (var p = _sentence - 1; p >= Math.Max(0, _sentence - 2); p--)
        {
            if (sentences[p].Heading) continue;
            // "L'Unicef a publié un bilan. « … », a-t-elle ajouté", "Le ministère turc a convoqué l'ambassadeur russe. « … », a-t-il
            // précisé": the subject opening the sentence just before, a person or a body, rather than a person named after it.
            if (p == _sentence - 1 && SubjectOpening(sentences[p]) is { } subject) return subject;
            if (ctx.MentionsIn(sentences[p].First, sentences[p].End).LastOrDefault(m => m.Kind != MentionKind.Pronoun && m.Actor is { Kind: "person" }) is { } m)
                return m.Actor;
        }
        return null;
    }

    private ActorEntry? SubjectOpening(Sentence s)
    {
        var start = ctx.Opening(s);
        var first = ctx.MentionsIn(start, s.End).FirstOrDefault();
        if (first is not { Prep: null, Actor: { } actor } || first.Kind is MentionKind.Pronoun or MentionKind.Adjectival || actor.Kind is "place") return null;
        // Only the sentence's subject: nothing but a determiner (or a short adverbial and its comma) before it.
        var words = 0;
        for (var k = start; k < first.Start; k++) if (_t[k].IsWord && !Determiners.Contains(_t[k].Norm)) words++;
        if (words > 0 && !(first.Start > start && _t[first.Start - 1].Norm == "," && words <= 3)) return null;
        // and a verb right after it (past an apposition): "L'Unicef a publié", not "L'Unicef, Moscou et…".
        var v = first.End;
        if (v < s.End && _t[v].Norm == "," && first.Apposed) v++;
        return v < s.End && (_kb.Auxiliaries.Contains(_t[v].Norm) || _kb.Verbs.Match(_t, v, s.End, out _) > 0 || _t[v].IsWord && !_t[v].Cap && !Grammar.Prepositions.Contains(_t[v].Norm) && _t[v].Norm is not ("et" or "ou")) ? actor : null;
    }

    public List<StatementDraft> Read()
    {
        var drafts = new List<StatementDraft>();
        var seen = new HashSet<(string, Span)>();
        var sentences = ctx.Doc.Sentences;
        for (var si = 0; si < sentences.Count; si++)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var s = sentences[si];
            _sentence = si;
            if (s.Heading) continue;
            ResolveSameSource(s);
            var parenthetical = Parentheticals(s);
            var cues = FindCues(si, s, parenthetical);
            if (cues.Count == 0)
            {
                TryContinueQuote(drafts, si, s);
                continue;
            }
            AssignContent(s, cues);
            foreach (var cue in cues.OrderBy(c => c.VerbStart))
            {
                foreach (var speaker in cue.Speakers.Distinct())
                {
                    if (cue.ContentStart < 0 || Trim(cue.ContentStart, Math.Max(cue.ContentStart, cue.ContentEnd)) is var (ta, tb) && tb - ta < 2)
                    {
                        if (cue.Verb is { Dispute: true } && !cue.ContentBefore && PointingBack(cue, speaker, si) is { } back && seen.Add((speaker.Id, back.Span))) drafts.Add(back);
                        continue;
                    }
                    var draft = Draft(cue, speaker, si);
                    if (draft is not null && seen.Add((speaker.Id, draft.Span))) drafts.Add(draft);
                }
                if (!cue.Derived && cue.Speakers.Count > 0)
                {
                    _lastSpeaker = cue.Speakers[0];
                    if (_lastSpeaker.Kind != "person") _lastGroupSpeaker = _lastSpeaker;
                }
            }
        }
        DropRepeatedSentences(drafts);
        return drafts.OrderBy(d => d.Span.Start).ToList();
    }

    /// <summary>"a précisé la même source", "selon cette source", "l'une de ces sources": the speaker last quoted, when there is one
    /// ("la même source" always; "cette source" when no source of that head was described before).</summary>
    private void ResolveSameSource(Sentence s)
    {
        if (_lastSpeaker is null) return;
        foreach (var m in ctx.MentionsIn(s.First, s.End))
            if (m.SameSource && (m.Actor is null || _t[m.Start].Norm is "la" or "le" or "de" or "l" && m.End - m.Start == 3)) m.Actor = _lastSpeaker;
    }

    // ---- cue detection ----

    private List<Cue> FindCues(int si, Sentence s, bool[] paren)
    {
        var cues = new List<Cue>();
        for (var i = s.First; i < s.End; i++)
        {
            if (ctx.Doc.InQuote(i) || _t[i].IsQuote) continue;
            var t = _t[i];
            if (TrySource(si, s, i, cues)) continue;
            if (TryAccusation(si, s, i, cues)) continue;
            if (TryBackReference(si, s, i, cues)) continue;
            if (t.Norm == ":" && TryColonAgent(si, s, i, cues)) continue;
            if (TryImpersonalReading(si, s, i, cues)) continue;
            var len = _kb.Verbs.Match(_t, i, s.End, out var form);
            if (len == 0) continue;
            var cue = VerbCue(si, s, i, len, form, cues, paren);
            if (cue is not null) cues.Add(cue);
            i += len - 1;
        }
        return cues;
    }

    private bool TrySource(int si, Sentence s, int i, List<Cue> cues)
    {
        var t = _t[i];
        int j;
        if (t.Norm == "selon") j = i + 1;
        else if (t.Norm == "d" && t.Elided && i + 1 < s.End && _t[i + 1].Norm == "apres") j = i + 2;
        else if (t.Norm == "pour" && IsSentenceStart(s, i)) j = i + 1;
        // The other source phrases of the data ("aux dires de", "à en croire", "de l'avis de").
        else if (_kb.SourcePrepositions.Match(_t, i, s.End) is > 0 and var n) j = i + n;
        else return false;
        // "…, a relevé le porte-parole Iouri Ignat, selon lequel ce site avait déjà été attaqué": the relative "selon lequel" after a
        // speaker named in the sentence is that speaker's further words (a claim noun's owner, "l'information de X, selon
        // laquelle", is the accusation reader's).
        if (t.Norm == "selon" && j < s.End && _t[j].Norm is "lequel" or "laquelle" && i - 2 >= s.First && _t[i - 1].Norm == ","
            && ctx.MentionAt[i - 2] is { Actor: { } antecedent, Prep: null } am && am.End == i - 1 && antecedent.Kind is "person" or "institution" or "media" or "state")
        {
            var rel = new Cue { Kind = CueKind.Source, Sentence = si, RegionStart = i - 1, VerbStart = i, VerbEnd = j + 1, ContentStart = j + 1 };
            rel.Speakers.Add(antecedent);
            cues.Add(rel);
            return true;
        }
        if (j >= s.End || _kb.NotSourceAfterSelon.Match(_t, j, s.End) > 0) return false;
        var m = MentionStartingAt(j, s.End) ?? (t.Norm == "pour" ? null : DocumentIssuerAt(j, s.End));
        if (m is null or { Actor: null, Kind: not MentionKind.Pronoun } && t.Norm != "pour") m = CoordinatedPastUnknown(j, s.End) ?? m;
        if (m is null) return false;
        if (t.Norm == "pour" && (m.End >= s.End || _t[m.End].Norm != "," || m.Kind is MentionKind.Pronoun && m.Head is not ("lui" or "elle" or "eux"))) return false;
        if (m.Kind == MentionKind.Pronoun && m.Head is not ("lui" or "elle" or "eux")) return false;
        // "Sergueï Choïgou avait annoncé que…, toutes détruites selon lui": after a verb of this sentence with its own speaker,
        // the pronoun is that speaker, whose words these already are (not the speaker of the sentences before).
        if (m.Kind == MentionKind.Pronoun && t.Norm != "pour" && cues.Any(c => c.Kind == CueKind.Preposed && c.Speakers.Count > 0 && c.VerbStart < i)) return false;
        var speaker = m.Kind == MentionKind.Pronoun ? _lastSpeaker : m.Actor;
        if (speaker is null) return false;
        var atStart = IsSentenceStart(s, i);
        // "des frappes qui, selon Téhéran, visaient des bases", "la ville où, d'après l'OSDH, vingt civils ont péri": a source set
        // between commas at the head of a relative clause vouches for the rest of that clause, not for the sentence before it
        // (whose words, if another cue reports them, stop at the relative word).
        if (i - 2 >= s.First && _t[i - 1].Norm == "," && _t[i - 2].Norm is "qui" or "ou" && !ctx.Doc.InQuote(i - 2)
            && m.End + 2 < s.End && _t[m.End].Norm == "," && m.Kind != MentionKind.Pronoun)
        {
            var inRelative = new Cue { Kind = CueKind.Source, Sentence = si, RegionStart = i - 2, VerbStart = i, VerbEnd = m.End, ContentStart = m.End + 1 };
            inRelative.Speakers.Add(speaker);
            cues.Add(inRelative);
            return true;
        }
        // "selon le ministère et des militants", "d'après l'ONU ainsi que des témoins": coordinated sources each vouch for the words;
        // so does each of an enumeration ("selon Paris, Londres et Berlin").
        var listed = EnumeratedAfter(m, s.End);
        var coordinated = listed.Count > 0 ? listed[^1] : m.Kind != MentionKind.Pronoun ? CoordinatedSource(m.End, s.End) : null;
        if (coordinated is not null) m = coordinated;
        var cue = new Cue
        {
            Kind = CueKind.Source, Sentence = si, RegionStart = i, VerbStart = i, VerbEnd = m.End,
            ContentBefore = !atStart, UsesPronoun = m.Kind == MentionKind.Pronoun,
        };
        cue.Speakers.Add(speaker);
        if (listed.Count > 0) cue.Speakers.AddRange(listed.Select(l => l.Actor!));
        else if (coordinated is not null) cue.Speakers.Add(coordinated.Actor!);
        if (atStart)
        {
            // "Selon l'Observatoire syrien des droits de l'homme (OSDH), …": the source's short name in brackets is not the words.
            var after = m.End;
            // "Selon le Bureau de coordination des affaires humanitaires de l'ONU (Ocha), …": the body the source belongs to.
            if (after + 1 < s.End && _t[after].Norm is "de" or "d" or "du" or "des" && MentionStartingAt(after + 1, s.End) is { Actor: not null } owner && owner.End < s.End
                && _t[owner.End].Norm is "(" or ",")
                after = owner.End;
            if (after < s.End && _t[after].Norm == "(")
                for (var q = after + 1; q < Math.Min(s.End, after + 8); q++)
                    if (_t[q].Norm == ")") { after = q + 1; break; }
            // "Selon des sources militaires citées par l'agence Interfax, …": the channel that carried the source's words is not
            // part of them.
            if (after + 2 < s.End && _kb.CitedBy.Match(_t, after, s.End) is var cited && cited > 0)
                for (var q = after + cited; q < Math.Min(s.End, after + 10); q++)
                    if (_t[q].Norm == ",") { after = q; break; }
            cue.ContentStart = after < s.End && _t[after].Norm == "," ? after + 1 : after;
            // "Selon Hadi al-Bahra, membre de la Coalition nationale syrienne, les frappes…": a verbless phrase between commas
            // right after the source says who the source is; the words start after it.
            if (cue.ContentStart < s.End && _t[cue.ContentStart - 1].Norm == "," && ApposedDescriptionEnd(cue.ContentStart, s.End) is var described && described > 0)
                cue.ContentStart = described;
            // "Selon l'agence Nour News, qui a ensuite retiré ses dépêches, l'attaque a…": a relative clause on the source tells
            // about the source; its words start after the clause's closing comma.
            if (cue.ContentStart < s.End && _t[cue.ContentStart - 1].Norm == "," && Grammar.RelativeWords.Contains(_t[cue.ContentStart].Norm))
                for (var q = cue.ContentStart + 1; q < Math.Min(s.End - 2, cue.ContentStart + 20); q++)
                {
                    if (_t[q].IsQuote || _t[q].Norm is ";" or ":") break;
                    if (_t[q].Norm == ",") { cue.ContentStart = q + 1; break; }
                }
        }
        cues.Add(cue);
        return true;
    }

    /// <summary>"…, Khaled Khoja, a accusé Moscou de vouloir sauver le régime": after a verb of accusation, an actor followed by "de"
    /// and an infinitive is whom the speaker charges, not an inverted subject (which ends the clause, or goes on with an adverbial
    /// "de manière …", "de façon …"). Quoted words before the verb make it an incise whatever follows.</summary>
    private bool ObjectOfCharge(int after, int end)
    {
        if (MentionStartingAt(after, end) is not { Actor: not null } m || m.End + 1 >= end || _t[m.End].Norm is not ("de" or "d")) return false;
        var next = m.End + 1;
        if (_t[next].Norm is "ne" or "n") next++;
        if (next < end && _t[next].Norm is "maniere" or "facon") return false;
        return next < end && (_t[next].Norm is "avoir" or "etre" || _t[next].Norm.EndsWith("er", StringComparison.Ordinal)
            || _t[next].Norm.EndsWith("ir", StringComparison.Ordinal) || _t[next].Norm.EndsWith("re", StringComparison.Ordinal));
    }

    /// <summary>"membre de la Coalition nationale syrienne, …", "directeur de l'hôpital, …", "le chef de la diplomatie, …": past the
    /// comma closing a description of the source before it, when words follow; else 0. The description opens with a title, a
    /// role, a member word or a descriptive head (after a determiner and a title's modifiers) and holds no auxiliary, quotation
    /// or relative word within its few words: "au moins douze civils, dont…" opens the words instead. An indefinite one ("une
    /// ONG basée à Londres qui dispose de…") may hold a relative clause, and runs longer.</summary>
    private int ApposedDescriptionEnd(int k, int end)
    {
        var h = k;
        if (h < end && Determiners.Contains(_t[h].Norm) && _t[h].Norm is not ("ce" or "cet" or "cette" or "ces")) h++;
        while (h < end && Grammar.TitleModifiers.Contains(_t[h].Norm)) h++;
        if (h >= end || !(Grammar.MemberWords.Contains(_t[h].Norm) || _kb.PersonTitles.Match(_t, h, end) > 0 || _kb.Roles.Match(_t, h, end, out _) > 0
                          || _kb.DescriptiveHeads.Match(_t, h, end) > 0 || _kb.InstitutionHeads.Match(_t, h, end) > 0 || _kb.MediaHeads.Match(_t, h, end) > 0
                          || _kb.GenericNouns.ContainsKey(_t[h].Norm))) return 0;
        // "une ONG basée à Londres qui dispose d'un vaste réseau de sources, …": an indefinite description may carry a relative
        // clause of its own, and is longer for it.
        var indefinite = _t[k].Norm is "un" or "une";
        var relative = false;
        for (var j = h; j < Math.Min(end - 2, k + (indefinite ? 25 : 12)); j++)
        {
            if (_t[j].Norm == ",") return j + 1;
            if (indefinite && Grammar.RelativeWords.Contains(_t[j].Norm)) relative = true;
            // "basée à Londres": folded, the preposition "à" reads as the auxiliary "a".
            else if (_t[j].IsQuote || _kb.Auxiliaries.Contains(_t[j].Norm) && !relative && ctx.Doc.Text[_t[j].Start] != 'à'
                     || Grammar.RelativeWords.Contains(_t[j].Norm) || _t[j].Norm is ";" or ":" or "(") return 0;
        }
        return 0;
    }

    // ---- coordinated speakers ----
    // French joins speakers with "et" or "ainsi que" ("selon l'ONU ainsi que des témoins", "ont annoncé Paris et Washington").
    // AfterCoordinator reads the coordinator and CoordinatedMention the speaker after it, for the sources (CoordinatedSource),
    // the inverted subjects (SpeakerAfter) and the speaker coordinated to one no lexicon describes (CoordinatedPastUnknown);
    // what stays with each reader is where the first speaker stands and what may come between the two (an apposition, a
    // comma, a qualifier). Preposed subjects are read apart: backwards from the subject before the verb (VerbCue: "La France,
    // l'Allemagne et les États-Unis ont…"), and from it up to the verb (CoordinatedAfterSubject).

    /// <summary>Where the words after a coordinator at <paramref name="k"/> ("et", "ainsi que") start, or -1 when there is none
    /// before <paramref name="end"/>.</summary>
    private int AfterCoordinator(int k, int end) =>
        k >= end ? -1 : _t[k].Norm == "et" ? k + 1 : _t[k].Norm == "ainsi" && k + 1 < end && _t[k + 1].Norm == "que" ? k + 2 : -1;

    /// <summary>The speaker a coordinator at <paramref name="k"/> introduces: an actor named or described right after it (past a
    /// determiner: "et des militants", "ainsi que l'ONU"), else, when <paramref name="members"/>, members named by the body they
    /// belong to ("et des éléments du mouvement « Ansarallah »"). Null when there is no coordinator at k (then
    /// <paramref name="after"/> is -1) or no actor after it.</summary>
    private Mention? CoordinatedMention(int k, int end, bool members, out int after)
    {
        after = AfterCoordinator(k, end);
        if (after < 0) return null;
        if (MentionStartingAt(after, end) is { Actor: not null } next) return next;
        return members ? MembersOf(after, end) : null;
    }

    /// <summary>
    /// "Paris, Londres et Berlin", "la France, le Qatar et la Turquie": the speakers an enumeration adds after
    /// <paramref name="first"/>, each comma-separated name and the one after the final coordinator, in order; empty when what
    /// follows is no such list. A comma between two names is a list separator only when the list ends with a coordinator and
    /// every item is a name of a distinct actor of the same sort as the first (states with states, persons with persons):
    /// "le porte-parole, le général Igor Konachenkov" (a role, then the person) and "l'OSDH, une ONG basée à Londres" (a name,
    /// then a description of it) are appositions, one speaker.
    /// </summary>
    private List<Mention> EnumeratedAfter(Mention first, int end)
    {
        if (first.Kind != MentionKind.Name || first.Actor is null) return [];
        var items = new List<Mention>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { first.Actor.Id };
        bool Fits(Mention? m) => m is { Kind: MentionKind.Name, Actor: { } a, Prep: null } && m.IsPerson == first.IsPerson && seen.Add(a.Id);
        for (var j = first.End; j < end && _t[j].Norm == ",";)
        {
            var next = MentionStartingAt(j + 1, end);
            if (!Fits(next)) return [];
            items.Add(next!);
            j = next!.End;
            if (CoordinatedMention(j, end, members: false, out _) is { } last)
            {
                if (!Fits(last)) return [];
                items.Add(last);
                return items;
            }
        }
        return [];
    }

    /// <summary>"Le groupe X, composé d'avocats, ainsi que les paramilitaires des FSR ont déclaré": a subject coordinated after the
    /// one found (past that one's apposition), up to the verb; a common noun heading it ("les paramilitaires des FSR", "les
    /// combattants du Hezbollah") stands for the actor it names. Null when none.</summary>
    /// <remarks>Not CoordinatedMention: the verb bounds a preposed subject, so the second one is looked for in the few words
    /// before it (a determiner and one lower-case head noun, then the name, with or without "de" between them), not only right
    /// after the coordinator or as a body's members; the two readings differ on such words ("et notamment X").</remarks>
    private ActorEntry? CoordinatedAfterSubject(int k, int verb)
    {
        if (k < verb && _t[k].Norm == ",")
        {
            var close = k + 1;
            while (close < verb && _t[close].Norm != ",") close++;
            if (close >= verb) return null;
            k = close + 1;
        }
        var after = AfterCoordinator(k, verb);
        if (after < 0 || after >= verb) return null;
        // The determiner and at most one lower-case head noun before the actor's name.
        for (var j = after; j < Math.Min(verb, after + 4); j++)
        {
            if (ctx.MentionAt[j] is { } m && m.Start == j)
                return m.Actor is not null && m.Kind != MentionKind.Pronoun && (m.Prep is null || j > after + 1 && m.Prep is "de" or "des" or "du" or "d") && m.End <= verb ? m.Actor : null;
            if (!_t[j].IsWord || _t[j].Cap && !Determiners.Contains(_t[j].Norm)) return null;
        }
        return null;
    }

    /// <summary>"des éléments du mouvement « Ansarallah »", "les combattants du Hezbollah": a determiner, one common noun and the
    /// body it belongs to (past a lower-case word or a quotation mark); that body's mention, else null.</summary>
    private Mention? MembersOf(int j, int end)
    {
        var k = j;
        if (k < end && Determiners.Contains(_t[k].Norm)) k++;
        if (k + 2 >= end || !_t[k].IsWord || _t[k].Cap || ctx.MentionAt[k] is not null || _t[k + 1].Norm is not ("de" or "du" or "des" or "d")) return null;
        for (var q = k + 2; q < Math.Min(end, k + 6); q++)
        {
            if (ctx.MentionAt[q] is { Actor: not null } m && m.Start == q) return m.Kind != MentionKind.Pronoun ? m : null;
            if (!(_t[q].IsQuote || _t[q].IsWord && !_t[q].Cap)) return null;
        }
        return null;
    }

    /// <summary>"selon le ministre local de la Santé et des militants", "ont rapporté un groupe de l'ethnie rebelle Karen et une
    /// organisation humanitaire": a first speaker described in words no lexicon holds, then a known one coordinated to it; the
    /// known one still speaks (the first is left out rather than guessed). Null unless a short noun phrase (a determiner, then
    /// words only) runs up to the coordinator.</summary>
    private Mention? CoordinatedPastUnknown(int j, int end)
    {
        if (j >= end || !Determiners.Contains(_t[j].Norm)) return null;
        for (var k = j + 1; k < Math.Min(end, j + 10); k++)
        {
            // The phrase ends at its first coordinator, which CoordinatedSource reads.
            if (_t[k].Norm is "et" or "ainsi") return k > j + 1 ? CoordinatedSource(k, end) : null;
            if (!_t[k].IsWord || _kb.Verbs.Match(_t, k, end, out _) > 0 || _kb.Auxiliaries.Contains(_t[k].Norm) || _t[k].Norm is "que" or "qu" or "qui") return null;
        }
        return null;
    }

    /// <summary>The second of two coordinated sources ("et des militants", "ainsi que l'ONU"), when a named or described actor
    /// follows the coordinator, else null.</summary>
    private Mention? CoordinatedSource(int k, int end) =>
        CoordinatedMention(k, end, members: false, out var after) is { } other && other.Kind != MentionKind.Pronoun && other.Prep is null or "de" or "des" or "d" or "du" && _t[after].Norm is not ("a" or "au" or "aux") ? other : null;

    /// <summary>"selon un communiqué de l'armée nigériane", "d'après un bilan de l'OSDH": a document named with its issuer; the
    /// issuer is the source (the mention returned covers the words up to the issuer's end).</summary>
    private Mention? DocumentIssuerAt(int j, int end)
    {
        var k = j;
        if (k < end && (Grammar.Determiners.Contains(_t[k].Norm) || _t[k].Norm is "des")) k++;
        var len = _kb.DocumentNouns.Match(_t, k, end);
        if (len == 0) return null;
        k += len;
        // A qualifier or two ("un communiqué officiel de", "un bilan provisoire de").
        for (var q = 0; q < 2 && k < end && _t[k].IsWord && !_t[k].Cap && _t[k].Norm is not ("de" or "d" or "du" or "des"); q++) k++;
        if (k >= end || _t[k].Norm is not ("de" or "d" or "du" or "des")) return null;
        var issuer = MentionStartingAt(k + 1, end); // past a determiner too ("de la présidence")
        if (issuer?.Actor is null || issuer.Kind == MentionKind.Pronoun) return null;
        return new Mention(j, issuer.End, issuer.Kind) { Actor = issuer.Actor };
    }

    private bool IsSentenceStart(Sentence s, int i)
    {
        // "Mardi, selon X" / "Selon X": nothing but an adverbial before. "Mais selon X", "Or, d'après X": a connective
        // opening the sentence ties it to the one before; it is no part of the words. A wire dateline before is no part of
        // the sentence ("PARIS, 8 octobre 2015 (AFP) - Pour Washington, …").
        var k = ctx.Opening(s);
        if (k < i && (_kb.Adversatives.Contains(_t[k].Norm) || _t[k].Norm == "et")) k += k + 1 < i && _t[k + 1].Norm == "," ? 2 : 1;
        if (k == i) return true;
        var words = 0;
        for (; k < i; k++) if (_t[k].IsWord) words++;
        return words <= 2 && _t[i - 1].Norm == ",";
    }

    private bool TryAccusation(int si, Sentence s, int i, List<Cue> cues)
    {
        if (_kb.ClaimNouns.Match(_t, i, s.End) is var len && len == 0) return false;
        var k = i + len;
        // "les affirmations russes selon lesquelles…": the claimant named by a nationality adjective.
        if (k < s.End && !_t[k].Cap && _kb.Nationalities.TryGetValue(_t[k].Norm, out var claimant) && _kb.ClaimClauseIntroducers.Match(_t, k + 1, s.End) is var adjIntro && adjIntro > 0)
        {
            var byAdjective = new Cue { Kind = CueKind.Accusation, Sentence = si, RegionStart = i, VerbStart = i, VerbEnd = k + 1 + adjIntro, Derived = true, ContentStart = k + 1 + adjIntro };
            byAdjective.Speakers.Add(claimant);
            cues.Add(byAdjective);
            return true;
        }
        // "l'information rapportée par l'OSDH, selon laquelle…", "les informations diffusées par X selon lesquelles…": the agent
        // of a participle after the claim noun is its owner, as "de X" is.
        if (k + 1 < s.End && _t[k].IsWord && !_t[k].Cap && _t[k + 1].Norm == "par" && ctx.MentionAt[k] is null) k++;
        else if (k >= s.End || _t[k].Norm is not ("de" or "d" or "du" or "des")) return false;
        var accusers = new List<ActorEntry>();
        var guard = k;
        while (guard < s.End && guard < i + 40)
        {
            var intro = _kb.ClaimClauseIntroducers.Match(_t, guard, s.End);
            if (intro > 0)
            {
                if (accusers.Count == 0) return false;
                var cue = new Cue { Kind = CueKind.Accusation, Sentence = si, RegionStart = i, VerbStart = i, VerbEnd = guard + intro, Derived = true, ContentStart = guard + intro };
                cue.Speakers.AddRange(accusers.Distinct());
                cues.Add(cue);
                return true;
            }
            if (ctx.MentionAt[guard] is { Actor: { } a } m && m.Start == guard && m.Kind != MentionKind.Pronoun)
            {
                accusers.Add(a);
                guard = m.End;
                continue;
            }
            if (_t[guard].Norm is "." or ";" or ":") return false;
            guard++;
        }
        return false;
    }

    private bool TryBackReference(int si, Sentence s, int i, List<Cue> cues)
    {
        if (i != s.First + 1 || _t[s.First].Norm is not ("cette" or "ce" or "ces" or "cet")) return false;
        var n = _kb.BackReferenceNouns.Match(_t, i, s.End);
        if (n == 0) return false;
        var l = _kb.BackReferenceLinks.Match(_t, i + n, s.End);
        if (l == 0) return false;
        var m = MentionStartingAt(i + n + l, s.End);
        if (m?.Actor is null || si == 0) return false;
        var prev = ctx.Doc.Sentences[si - 1];
        if (prev.Block != s.Block) return false;
        // The words are the sentence before, past its wire dateline if it opens the dispatch.
        var cue = new Cue { Kind = CueKind.BackReference, Sentence = si, RegionStart = s.First, VerbStart = i, VerbEnd = m.End, ContentStart = ctx.Opening(prev), ContentEnd = prev.End };
        cue.Speakers.Add(m.Actor);
        cues.Add(cue);
        return true;
    }

    /// <summary>"« … », apprend-on dans un communiqué de l'OSDH", "…, peut-on lire dans le communiqué": an impersonal incise gives
    /// the words of a document; its issuer speaks, named after "de", else the speaker last quoted (whose document it is).</summary>
    private bool TryImpersonalReading(int si, Sentence s, int i, List<Cue> cues)
    {
        if (i == s.First || i + 1 >= s.End || _t[i + 1].Norm != "on" || !_t[i + 1].HyphenBefore || _kb.ImpersonalReading.Match(_t, i, i + 1) != 1) return false;
        var k = i + 2;
        while (k < s.End && IsAdverb(k) && _t[k].Norm != "dans") k++;
        if (_t[i].Norm is "peut" or "pouvait" or "pourra")
        {
            if (k >= s.End || _t[k].Norm != "lire") return false;
            k++;
        }
        // "dans un communiqué (de presse) de X", "dans le communiqué".
        if (k + 2 >= s.End || _t[k].Norm != "dans" || !Grammar.Determiners.Contains(_t[k + 1].Norm)) return false;
        var doc = _kb.DocumentNouns.Match(_t, k + 2, s.End) is var dn && dn > 0 ? dn : _kb.IssuedDocuments.Match(_t, k + 2, s.End);
        if (doc == 0) return false;
        var end = k + 2 + doc;
        if (end + 1 < s.End && _t[end].Norm == "de" && _t[end + 1].Norm == "presse") end += 2;
        var speaker = _lastSpeaker;
        if (end < s.End && _t[end].Norm is "de" or "d" or "du" or "des" && MentionStartingAt(end + 1, s.End) is { Actor: { } issuer } im && im.Kind != MentionKind.Pronoun)
        {
            speaker = issuer;
            end = im.End;
        }
        else if (_t[k + 1].Norm is "un" or "une") return false; // a document of no one named: whose, is not said
        if (speaker is null) return false;
        var cue = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = _t[i - 1].Norm == "," ? i - 1 : i, VerbStart = i, VerbEnd = end, ContentBefore = true };
        cue.Speakers.Add(speaker);
        cues.Add(cue);
        return true;
    }

    private bool TryColonAgent(int si, Sentence s, int colon, List<Cue> cues)
    {
        // "... détaillés par le secrétaire américain à la Défense Ashton Carter : «…»"
        // "Sergueï Lavrov : « Nous ne visons que des terroristes. »", "Pour Sergueï Lavrov : « … »": a person alone before
        // the colon, opening the sentence, and a quotation right after it (the way interviews and live reports are set). Not a
        // state or a body: "Syrie : « … »" names a headline's subject.
        var m = colon > s.First ? ctx.MentionAt[colon - 1] : null;
        if (m?.Actor is null || colon + 1 >= s.End || m.Kind == MentionKind.Pronoun) return false;
        var opensQuote = _t[colon + 1].IsQuote && ctx.Doc.TryQuoteOpenedAt(colon + 1, out _);
        var alone = m.IsPerson && (m.Prep is null && m.Start == s.First || m.Prep == "pour" && m.Start - 1 == s.First);
        if (m.Prep != "par" && !(alone && opensQuote)) return false;
        if (cues.Any(c => c.Kind is CueKind.Participle && c.VerbEnd >= colon - 1)) return false;
        var cue = new Cue { Kind = CueKind.ColonAgent, Sentence = si, RegionStart = m.Start, VerbStart = m.Start, VerbEnd = colon + 1, ContentStart = colon + 1 };
        cue.Speakers.Add(m.Actor);
        cues.Add(cue);
        return true;
    }

    private Cue? VerbCue(int si, Sentence s, int i, int len, VerbForm form, List<Cue> previous, bool[] paren)
    {
        var verbEnd = i + len;
        var kind = form.Kind;
        var auxStart = i;
        var pronounInverted = false;
        var passive = false;
        var reflexiveSeen = false;

        if (kind == VerbFormKind.Participle)
        {
            var j = i - 1;
            var skipped = 0;
            // "n'a pas commenté": the negation between the auxiliary and the participle is skipped like an adverb, so that the
            // auxiliary is found and the negated verb (below) reports nothing.
            while (j >= s.First && skipped < 3 && _t[j].IsWord && (IsAdverb(j) || Grammar.StrongNegations.Contains(_t[j].Norm))) { j--; skipped++; }
            // "a de son côté démenti", "a pour sa part affirmé": an adverbial phrase of the lexicon ending just before the participle.
            for (var span = 4; span >= 2; span--)
                if (j - span + 1 >= s.First && _kb.Adverbs.Match(_t, j - span + 1, j + 1) == span) { j -= span; break; }
            // "…, a-t-on ajouté de même source", "a-t-on précisé de source militaire": an impersonal incise names its source after
            // the verb.
            if (j >= s.First + 2 && _t[j].Norm == "on" && _t[j].HyphenBefore && _t[j - 1].Norm == "t" && _kb.Auxiliaries.Contains(_t[j - 2].Norm)
                && MentionStartingAt(ctx.SkipAdverbs(verbEnd, s.End), s.End) is { Actor: { } onSource } sm && (sm.SameSource || sm.Kind == MentionKind.Anonymous) && _t[sm.Start].Norm is "de" or "d")
            {
                var onCue = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = j - 3 >= s.First && _t[j - 3].Norm == "," ? j - 3 : j - 2, VerbStart = i, VerbEnd = sm.End, Verb = form.Verb, ContentBefore = true };
                onCue.Speakers.Add(onSource);
                return onCue;
            }
            if (j >= s.First + 2 && _t[j].Norm is "il" or "elle" or "ils" or "elles" && _t[j].HyphenBefore && _t[j - 1].Norm == "t" && _kb.Auxiliaries.Contains(_t[j - 2].Norm))
            { auxStart = j - 2; pronounInverted = true; reflexiveSeen = true; }
            else if (j >= s.First && _t[j].Norm is "ils" or "elles" or "il" or "elle" && _t[j].HyphenBefore && j - 1 >= s.First && _kb.Auxiliaries.Contains(_t[j - 1].Norm))
            { auxStart = j - 1; pronounInverted = true; }
            // "s'est-il félicité": a reflexive auxiliary with the pronoun after it.
            else if (j >= s.First + 2 && _t[j].Norm is "ils" or "elles" or "il" or "elle" && _t[j].HyphenBefore && _kb.ReflexiveAuxiliaries.Contains(_t[j - 1].Norm) && _t[j - 2].Norm is "se" or "s")
            { auxStart = j - 2; pronounInverted = true; reflexiveSeen = true; }
            else if (j >= s.First && _kb.Auxiliaries.Contains(_t[j].Norm) && !_t[j].Elided) auxStart = j;
            else if (j >= s.First && _kb.ReflexiveAuxiliaries.Contains(_t[j].Norm) && j - 1 >= s.First && _t[j - 1].Norm is "se" or "s") { auxStart = j - 1; reflexiveSeen = true; }
            // "s'en est défendu"
            else if (j >= s.First + 2 && _kb.ReflexiveAuxiliaries.Contains(_t[j].Norm) && _t[j - 1].Norm == "en" && _t[j - 2].Norm is "se" or "s") { auxStart = j - 2; reflexiveSeen = true; }
            else if (j >= s.First && _kb.PassiveAuxiliaries.Contains(_t[j].Norm)) { auxStart = j; passive = true; if (j - 1 >= s.First && _kb.Auxiliaries.Contains(_t[j - 1].Norm)) auxStart = j - 1; }
            else if (form.AlsoFinite) kind = VerbFormKind.Finite;
            else return null;
        }
        // Not "else": a participle read as finite for want of an auxiliary ("affirme" and "affirmé" fold alike, "dit", "écrit") is
        // checked as a finite verb too ("« … », affirme-t-il", "écrit-elle").
        if (kind == VerbFormKind.Finite)
        {
            if (verbEnd + 1 < s.End && _t[verbEnd].Norm == "t" && _t[verbEnd].HyphenBefore && _t[verbEnd + 1].Norm is "il" or "elle" or "ils" or "elles") { pronounInverted = true; verbEnd += 2; }
            else if (verbEnd < s.End && _t[verbEnd].HyphenBefore && _t[verbEnd].Norm is "il" or "elle" or "ils" or "elles") { pronounInverted = true; verbEnd += 1; }
            // "s'accusent mutuellement de…": a reciprocal use of a reporting verb is still reported speech, by each subject.
            if (i > s.First && _t[i - 1].Norm is "se" or "s" && !form.Verb.Reflexive && !(verbEnd < s.End && _kb.Reciprocal.Contains(_t[verbEnd].Norm))) return null;
            if (i > s.First && _t[i - 1].Norm is "se" or "s") reflexiveSeen = true;
            // "contre toute menace", "l'annonce": a determiner or preposition makes it a noun.
            if (i > s.First && Grammar.NounMarkers.Contains(_t[i - 1].Norm)) return null;
        }

        // "Le ministère ne précise pas quand…", "n'a pas indiqué si…": a negated reporting verb reports nothing.
        if (NegatedVerb(auxStart, i, verbEnd, s)) return null;
        // A verb that is only reported speech when reflexive ("se défendre de", not "défendre un projet").
        if (form.Verb.Reflexive && !reflexiveSeen && (form.Verb.Lemma.StartsWith("se ", StringComparison.Ordinal) || form.Verb.Lemma.StartsWith("s'", StringComparison.Ordinal)) && kind is VerbFormKind.Finite or VerbFormKind.Participle
            && !(i > s.First && _t[i - 1].Norm is "se" or "s")) return null;
        var after = ctx.SkipAdverbs(verbEnd, s.End);
        var thatFollows = after < s.End && _t[after].Norm is "que" or "qu";
        // "a revendiqué avoir détruit…": a past infinitive stands for the clause a verb needing "que" takes (its subject's own act).
        if (!thatFollows && form.Verb.NeedsQue && kind is VerbFormKind.Participle or VerbFormKind.Finite && after + 1 < s.End && _t[after].Norm == "avoir" && after > verbEnd - 1) thatFollows = true;
        // "maintient ne frapper que des terroristes", "soutient n'avoir rien su": a negated infinitive stands for the clause too.
        if (!thatFollows && form.Verb.NeedsQue && kind is VerbFormKind.Participle or VerbFormKind.Finite && after + 2 < s.End && _t[after].Norm is "ne" or "n" && after > verbEnd - 1) thatFollows = true;
        // "a confié mardi à l'AFP, sous couvert de l'anonymat, que…": the clause after channel phrases.
        if (!thatFollows && form.Verb.NeedsQue && kind is VerbFormKind.Participle or VerbFormKind.Finite && (QueAcross(after, s) >= 0 || QueAcross(SkipTimeWords(verbEnd, s.End), s) >= 0)) thatFollows = true;

        if (kind == VerbFormKind.Infinitive)
        {
            // "pour l'avertir que…": an infinitive reports speech only with its clause.
            if (!thatFollows) return null;
            var inf = new Cue { Kind = CueKind.Infinitive, Sentence = si, RegionStart = i, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentStart = after + 1 };
            var subject = previous.LastOrDefault(c => !c.Derived)?.Speakers.FirstOrDefault() ?? MainSubject(s, i, paren);
            if (subject is null) return null;
            inf.Speakers.Add(subject);
            return inf;
        }
        if (kind == VerbFormKind.PresentParticiple)
        {
            var before = i > s.First ? _t[i - 1].Norm : "";
            // "a publié un communiqué affirmant que…", "dans un message indiquant que…": the document's words are its issuer's,
            // the subject of the clause.
            var afterDocument = i > s.First && _kb.IssuedDocuments.Contains(before) && thatFollows;
            // "en réponse à une déclaration du président Volodymyr Zelensky affirmant que…": the document's author, named right
            // before the participle, speaks.
            var author = !afterDocument && thatFollows && i > s.First && ctx.MentionAt[i - 1] is { Actor: { } a } am && am.End == i && am.Kind != MentionKind.Pronoun && AuthorOfDocument(am) ? a : null;
            if (author is not null)
            {
                var byAuthor = new Cue { Kind = CueKind.Participle, Sentence = si, RegionStart = i, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, AfterDocument = true };
                byAuthor.ContentStart = ContentAfterVerb(form.Verb, verbEnd, s, byAuthor);
                byAuthor.Speakers.Add(author);
                return byAuthor;
            }
            // "en le qualifiant de « mensonges »": a clitic object between "en" and the participle.
            var clitic = before is "le" or "la" or "les" or "l" && i - 2 >= s.First && _t[i - 2].Norm == "en";
            if (before is not ("," or "en" or "et") && !afterDocument && !clitic) return null;
            var at = clitic ? i - 1 : i;
            var region = afterDocument ? i : _t[at - 1].Norm == "en" && at - 2 >= s.First && _t[at - 2].Norm == "," ? at - 2 : at - 1;
            if (form.Verb.NeedsQue && !thatFollows) return null;
            if (form.Verb.NeedsQuote && !(after < s.End && (_t[after].Norm == ":" || _t[after].IsQuote))) return null;
            var part = new Cue { Kind = CueKind.Participle, Sentence = si, RegionStart = region, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, AfterDocument = afterDocument };
            part.ContentStart = ContentAfterVerb(form.Verb, verbEnd, s, part);
            var subject = previous.LastOrDefault(c => !c.Derived && c.Kind is not CueKind.Source)?.Speakers.FirstOrDefault() ?? MainSubject(s, i, paren);
            if (subject is null) return null;
            part.Speakers.Add(subject);
            return part;
        }
        // "« C'est faux », a répondu X": an incise right after a quotation reports it without "que" ("ont répondu par des frappes"
        // does not).
        // "« … . » a ajouté X": a quotation closed by its own full stop needs no comma before the incise.
        var bareQuoteBefore = auxStart > s.First + 1 && _t[auxStart - 1].IsQuote && ctx.Doc.ClosesQuote(auxStart - 1) && _t[auxStart - 2].Norm is "." or "!" or "?" or "…"
            && _t[auxStart].IsWord && !_t[auxStart].Cap;
        var inciseAfterQuote = auxStart > s.First + 1 && _t[auxStart - 1].Norm == "," && _t[auxStart - 2].IsQuote || bareQuoteBefore;
        // "…, a relevé le porte-parole Iouri Ignat", "…, a répondu Moscou": an incise after a comma with its speaker right after
        // it reports the words before, as after a quotation.
        var inciseWithSpeaker = !inciseAfterQuote && form.Verb.NeedsQue && !thatFollows && kind is VerbFormKind.Participle or VerbFormKind.Finite
            && auxStart > s.First + 2 && _t[auxStart - 1].Norm == "," && !pronounInverted && InvertedSpeakers(after, s.End, verbEnd) is { Count: > 0 };
        if (form.Verb.NeedsQue && !thatFollows && !inciseAfterQuote && !inciseWithSpeaker) return null;
        if (form.Verb.NeedsQuote && !(after < s.End && (_t[after].Norm == ":" || _t[after].IsQuote))
            && !(auxStart > s.First && _t[auxStart - 1].Norm == "," && !ClosesPhraseBesideSubject(auxStart - 1, s))) return null;

        if (passive)
        {
            // "Moscou est accusé par les Occidentaux de trop cibler…"
            if (after >= s.End || _t[after].Norm != "par") return null;
            var agent = MentionStartingAt(after + 1, s.End);
            if (agent?.Actor is null) return null;
            var cue = new Cue { Kind = CueKind.Passive, Sentence = si, RegionStart = auxStart, VerbStart = i, VerbEnd = agent.End, Verb = form.Verb };
            cue.Speakers.Add(agent.Actor);
            cue.Object = LastCandidate(s, s.First, auxStart, paren);
            var k = agent.End;
            if (k < s.End && _t[k].Norm == ":") cue.ContentStart = k + 1;
            else if (k < s.End && _t[k].Norm is "de" or "d" or "a") cue.ContentStart = k + 1;
            else if (form.Verb.Dispute && Disputes.ClaimReference.Match(_t, s.First, auxStart, _kb, out _) >= 0)
            {
                // "Cette nouvelle a été aussitôt démentie par Bakou": the subject points at the claim denied.
                var denied = new Cue { Kind = CueKind.Passive, Sentence = si, RegionStart = auxStart, VerbStart = i, VerbEnd = agent.End, Verb = form.Verb, ContentBefore = true };
                denied.Speakers.Add(agent.Actor);
                return denied;
            }
            else return null;
            return cue;
        }

        // "ce dont s'est défendu Moscou", "ce que dément Ankara": the words are the clause before, the speaker follows the verb.
        if (auxStart - 2 >= s.First && _t[auxStart - 1].Norm is "dont" or "que" or "qu" && _t[auxStart - 2].Norm == "ce" && !passive && form.Verb.Dispute)
        {
            var speakers = SpeakerAfter(SkipAddressee(after, s.End), s.End);
            if (speakers is { Count: > 0 })
            {
                var relCue = new Cue { Kind = CueKind.Preposed, Sentence = si, RegionStart = auxStart - 2, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentStart = -1 };
                relCue.Speakers.AddRange(speakers);
                return relCue;
            }
        }
        // ", comme l'ont indiqué les autorités ukrainiennes": the words are before, the speaker after the verb.
        if (auxStart - 2 >= s.First && _t[auxStart - 1].Norm == "l" && _t[auxStart - 1].Elided && _t[auxStart - 2].Norm == "comme" && !passive)
        {
            var speakers = SpeakerAfter(SkipAddressee(after, s.End), s.End);
            if (speakers is { Count: > 0 })
            {
                var asCue = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = auxStart - 2 > s.First && _t[auxStart - 3].Norm == "," ? auxStart - 3 : auxStart - 2, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentBefore = true };
                asCue.Speakers.AddRange(speakers);
                return asCue;
            }
        }
        var prevToken = auxStart > s.First ? _t[auxStart - 1] : default;
        var closesQuote = auxStart > s.First && (prevToken.Norm == "," && auxStart - 2 >= s.First && _t[auxStart - 2].IsQuote || bareQuoteBefore);
        if (pronounInverted)
        {
            var cue = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = prevToken.Norm == "," ? auxStart - 1 : auxStart, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentBefore = true, UsesPronoun = true };
            if ((_lastSpeaker ?? RecentPerson()) is not { } pronounSpeaker) return null;
            cue.Speakers.Add(pronounSpeaker);
            if (thatFollows || after < s.End && _t[after].Norm == ":") { cue.ContentStart = thatFollows ? after + 1 : after + 1; }
            return cue;
        }
        // "Maria Zakharova, la porte-parole …, a accusé": the comma closes the subject's apposition, nothing is inverted.
        var closesApposition = auxStart - 2 >= s.First && ctx.MentionAt[auxStart - 2] is { Apposed: true } ap && ap.End == auxStart - 1
            // "L'armée syrienne, appuyée par l'aviation russe, a lancé une offensive": the comma closes a participle's phrase set
            // beside the subject, not words reported before an incise.
            || prevToken.Norm == "," && ClosesPhraseBesideSubject(auxStart - 1, s);
        var invertedSubject = (prevToken.Norm == "," || closesQuote) && !closesApposition && !thatFollows && after < s.End && (_t[after].Norm is not (":" or "de" or "d" or "avoir" or "n") || after > verbEnd && SpeakerAcross(verbEnd, s.End) >= 0)
            && !(!closesQuote && _kb.AccusationVerbs.Contains(form.Verb.Lemma) && ObjectOfCharge(after, s.End)) ? InvertedSpeakers(after, s.End, verbEnd) : null;
        if (invertedSubject is { Count: > 0 })
        {
            var cue = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = bareQuoteBefore ? auxStart : auxStart - 1, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentBefore = true };
            cue.Speakers.AddRange(invertedSubject);
            return cue;
        }

        // "…, poursuit l'ONG.": an incise whose inverted subject could not be resolved reports nothing; read as a subject before the
        // verb, its words would be that subject's name.
        if (prevToken.Norm == "," && !thatFollows && !closesApposition && MentionStartingAt(after, s.End) is { Actor: null } unresolved && unresolved.Kind != MentionKind.Pronoun
            && (unresolved.End >= s.End || unresolved.End == s.End - 1 && _t[unresolved.End].Kind == TokenKind.Punct || _t[unresolved.End].Norm == ","))
        {
            // "« … », ajoute la diplomate, qui…", "…, poursuit l'ONG.": a bare definite noun as the inverted subject, naming no one
            // the article described with that noun, takes up the speaker last quoted (a description of them, as "il" would be).
            if (after < s.End && _t[after].Norm is "le" or "la" or "l" && unresolved.End - after <= 2 && _lastSpeaker is { } described)
            {
                var takenUp = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = auxStart - 1, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentBefore = true };
                takenUp.Speakers.Add(described);
                return takenUp;
            }
            if (_t[unresolved.End].Norm != ",") return null;
        }
        // Speaker before the verb.
        var pre = new Cue { Kind = CueKind.Preposed, Sentence = si, RegionStart = auxStart, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb };
        var previousCue = previous.LastOrDefault(c => !c.Derived);
        // "X a déclaré que…, et a ajouté que…", "…, mais a ajouté que…", "…, puis a précisé…": a verb coordinated to the previous
        // cue's shares its subject.
        if (prevToken.Norm is "et" or "mais" or "puis" && previousCue is not null && previousCue.Speakers.Count > 0)
        {
            pre.Speakers.AddRange(previousCue.Speakers);
            pre.RegionStart = auxStart - 1;
        }
        // "Le Kremlin, qui dément toute frappe sur des civils, assure que…": the comma closes the relative clause of the cue
        // before, and the main verb is its antecedent's (the relative clause's words end at that comma).
        else if (prevToken.Norm == "," && previousCue is { ContentBefore: false, Speakers.Count: > 0 } relative && relative.Sentence == si
                 && _t[relative.RegionStart].Norm == "qui" && relative.RegionStart > s.First && _t[relative.RegionStart - 1].Norm == ","
                 && ClosesPhraseBesideSubject(auxStart - 1, s))
        {
            pre.Speakers.AddRange(relative.Speakers);
            pre.RegionStart = auxStart - 1;
        }
        else if (QuiBefore(auxStart, s) is { } qui && qui > s.First)
        {
            if (Antecedent(qui - 1, s) is not { } antecedent) return null;
            pre.Speakers.Add(antecedent);
            pre.RegionStart = qui;
        }
        else if (prevToken.Norm == "qui" && auxStart - 1 > s.First)
        {
            if (Antecedent(auxStart - 2, s) is not { } antecedent) return null;
            pre.Speakers.Add(antecedent);
            pre.RegionStart = auxStart - 1;
        }
        else
        {
            var limit = previousCue is { ContentBefore: false } ? previousCue.VerbEnd : s.First;
            var subject = LastCandidate(s, limit, auxStart, paren);
            if (subject is null) return null;
            var actor = subject.Kind == MentionKind.Pronoun ? PronounSpeaker(subject.Head) : subject.Actor;
            // "Le Kremlin rejette ces accusations qu'il qualifie de « provocation »": a pronoun after "que" in the sentence of a
            // cue is that cue's speaker, the subject of the main clause, not the speaker of the sentences before.
            if (subject.Kind == MentionKind.Pronoun && subject.Head is "il" or "elle" or "ils" or "elles" && subject.Start > s.First
                && _t[subject.Start - 1].Norm is "qu" or "que" && previousCue is { Derived: false, Speakers.Count: > 0 } main && main.Sentence == si)
                actor = main.Speakers[0];
            if (actor is null) return null;
            pre.Speakers.Add(actor);
            pre.RegionStart = SubjectStart(subject, s);
            // "Paris et Washington ont annoncé": coordinated subjects each speak.
            var k = SkipDeterminer(subject.Start - 1, limit);
            // "L'Arménie et l'Azerbaïdjan", "Israël et le Hezbollah": the mention before "et" is found by its end (a determiner
            // opens it), and two names coordinate whatever their kinds (a state and an armed group).
            // "La France, l'Allemagne et les États-Unis": once an "et" closes the list, its commas coordinate too.
            var closed = false;
            while (k - 1 >= limit && _t[k].Norm is "et" or "," && MentionEndingAt(k, Math.Max(limit, k - 6)) is { Actor: { } other } om && om.Prep is null && om.Kind == subject.Kind
                   && (om.Actor.Kind == actor.Kind || om.Kind == MentionKind.Name))
            {
                closed |= _t[k].Norm == "et";
                pre.Speakers.Insert(0, other);
                pre.RegionStart = SubjectStart(om, s);
                k = SkipDeterminer(om.Start - 1, limit, closed);
            }
            if (subject.Kind != MentionKind.Pronoun && CoordinatedAfterSubject(subject.End, auxStart) is { } second && !pre.Speakers.Contains(second)) pre.Speakers.Add(second);
        }
        if (form.Verb.Complement is "de" || form.Verb.Lemma is "accuser")
        {
            pre.Object = MentionStartingAt(after, s.End);
        }
        pre.ContentStart = ContentAfterVerb(form.Verb, verbEnd, s, pre);
        // "« … », les Forces démocratiques syriennes (FDS), la branche armée de…, ont indiqué dans un communiqué.": a quotation
        // opening the sentence, then its speaker as the subject of a reporting verb with nothing after it but circumstances.
        if (pre.RegionStart - 2 >= s.First && _t[pre.RegionStart - 1].Norm == "," && _t[pre.RegionStart - 2].IsQuote
            && ctx.Doc.TryQuoteClosedAt(pre.RegionStart - 2, out var opening) && opening.Open <= ctx.Opening(s) && opening.Close - opening.Open > 3
            && ctx.SkipAdverbs(SkipAddressee(verbEnd, s.End), s.End) is var rest && (rest >= s.End || _t[rest].Norm is "." or "!"))
        {
            var quoted = new Cue { Kind = CueKind.Inverted, Sentence = si, RegionStart = pre.RegionStart - 1, VerbStart = i, VerbEnd = verbEnd, Verb = form.Verb, ContentBefore = true };
            quoted.Speakers.AddRange(pre.Speakers);
            return quoted;
        }
        return pre;
    }

    /// <summary>The inverted subject of an incise: right after the verb and its addressee or channel, else past a few
    /// circumstantial phrases ("a indiqué dans un communiqué l'OSDH", "a déclaré via SMS à l'AFP un responsable", "a affirmé
    /// jeudi soir à la télévision d'État le porte-parole", "a souligné lors d'une conférence de presse à Moscou le ministre").</summary>
    private List<ActorEntry>? InvertedSpeakers(int after, int end, int verbEnd)
    {
        var direct = SpeakerAfter(SkipAddressee(after, end), end);
        if (direct is { Count: > 0 }) return direct;
        var k = SpeakerAcross(after, end);
        if (k < 0 && verbEnd < after) k = SpeakerAcross(verbEnd, end);
        return k < 0 ? null : SpeakerAfter(k, end);
    }

    private int SkipTimeWords(int k, int end)
    {
        var from = k;
        while (k < end && k < from + 4 && (_t[k].Kind == TokenKind.Number || _kb.Weekdays.ContainsKey(_t[k].Norm) || _kb.Months.ContainsKey(_t[k].Norm) || Grammar.TimeWordsBeforeContent.Contains(_t[k].Norm))) k++;
        return k;
    }

    /// <summary>Where the subject starts past circumstantial phrases opened by a preposition (bounded), or -1. The subject is the
    /// first actor not governed by a preposition; a bare name right after a common noun ("son compte Twitter", "l'agence
    /// Interfax") belongs to that noun unless it names a person.</summary>
    private int SpeakerAcross(int after, int end)
    {
        // Time words only: the adverb lexicon holds phrases such as "à la télévision" that open the circumstantial chain.
        var k = SkipTimeWords(after, end);
        if (k >= end || !Grammar.Prepositions.Contains(_t[k].Norm) || _t[k].Cap || _t[k].Norm is "de" or "d" or "du" or "dont" or "comme" or "selon") return -1;
        var inPhrase = false;
        for (var j = k; j < Math.Min(end, k + 18); j++)
        {
            var n = _t[j].Norm;
            if (n is "." or ";" or ":" or "que" or "qu" or "(" || _t[j].IsQuote || ctx.Doc.InQuote(j)) return -1;
            if (n == ",") { inPhrase = false; continue; }
            if (Grammar.Prepositions.Contains(n) && !_t[j].Cap) { inPhrase = true; continue; }
            if (_kb.Adverbs.Match(_t, j, end) is var al && al > 0) { j += al - 1; continue; }
            if (_kb.Verbs.Match(_t, j, end, out _) > 0 && !Determiners.Contains(n)) return -1;
            var prev = _t[j - 1];
            var governed = Grammar.Prepositions.Contains(prev.Norm) && !prev.Cap;
            if (!governed && MentionStartingAt(j, end) is { Actor: { } actor } m && m.Prep is null && !(m.Start == j && _t[j].Cap && prev.IsWord && !prev.Cap && actor.Kind != "person")
                && !(actor.Kind == "media" && inPhrase && m.Start == j))
                return j;
            if (_t[j].IsWord && !Determiners.Contains(n)) inPhrase = true;
        }
        return -1;
    }

    /// <summary>"a déclaré à la télévision un porte-parole…", "a indiqué à l'AFP un haut responsable…": the addressee between
    /// the verb and an inverted subject is skipped. Returns the token after it (or <paramref name="k"/> when there is none).</summary>
    private int SkipAddressee(int k, int end)
    {
        // "a indiqué sur Facebook les forces pro-GNA", "a déclaré dans un communiqué Mohamed Gonono", "a indiqué à l'AFP dans un
        // communiqué X": the channel and the document before an inverted subject are skipped too, in any order.
        for (var round = 0; round < 3; round++)
        {
            var next = SkipChannel(SkipOneAddressee(k, end), end);
            if (next == k) break;
            k = next;
        }
        return k;
    }

    /// <summary>"sur Facebook", "sur son compte Telegram", "sur le réseau social X", "dans un communiqué", "dans une vidéo".</summary>
    private int SkipChannel(int k, int end)
    {
        // The adverbs may have taken "dans un communiqué" already, up to the document's qualifier.
        if (k > 0 && _kb.IssuedDocuments.Contains(_t[k - 1].Norm)) k = PastDocumentQualifier(k, end);
        if (k >= end || _t[k].Cap) return k;
        if (_t[k].Norm == "sur")
        {
            // "a déclaré sur la chaîne Rossiya 24 le porte-parole…": a medium named after "sur".
            var d = k + 1 < end && Grammar.DefiniteArticles.Contains(_t[k + 1].Norm) ? k + 2 : k + 1;
            if (d < end && ctx.MentionAt[d] is { Actor.Kind: "media" } medium && medium.Start == d) return ctx.SkipAdverbs(medium.End, end);
            // "a affirmé sur franceinfo le porte-parole…", "a indiqué sur place le maire": one word, then the subject's article.
            if (k + 2 < end && _t[k + 1].IsWord && !_t[k + 1].Cap && Grammar.DefiniteArticles.Contains(_t[k + 2].Norm)) return k + 2;
            for (var j = k + 1; j < Math.Min(end, k + 6); j++)
            {
                if (_kb.NotPlaces.Contains(_t[j].Norm) && _t[j].Cap) return ctx.SkipAdverbs(j + 1, end);
                if (!_t[j].IsWord || _t[j].Cap) break;
            }
            return k;
        }
        if (_t[k].Norm == "dans" && k + 2 < end && _t[k + 1].Norm is "un" or "une" or "son" or "sa" or "leur" or "le" or "la" && _kb.IssuedDocuments.Match(_t, k + 2, end) is var dl && dl > 0)
            return ctx.SkipAdverbs(PastDocumentQualifier(k + 2 + dl, end), end);
        return k;
    }

    /// <summary>"dans un communiqué commun l'Allemagne…", "dans un texte conjoint les sept pays": past a lower-case qualifier of the
    /// document at <paramref name="k"/> when the subject (a determiner or a name) follows it; else <paramref name="k"/>.</summary>
    private int PastDocumentQualifier(int k, int end) =>
        k + 1 < end && _t[k].IsWord && !_t[k].Cap && ctx.MentionAt[k] is null && !Determiners.Contains(_t[k].Norm)
        && _t[k].Norm is not ("de" or "d" or "du" or "des" or "a" or "au" or "aux" or "et" or "que" or "qu" or "qui")
        && (Determiners.Contains(_t[k + 1].Norm) || ctx.MentionAt[k + 1] is { } subject && subject.Start == k + 1) ? k + 1 : k;

    private int SkipOneAddressee(int k, int end)
    {
        if (k >= end || _t[k].Norm is not ("a" or "au" or "aux") || _t[k].Cap) return k;
        var j = k + 1;
        if (j < end && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j++;
        if (j < end && ctx.MentionAt[j] is { } m && m.Start == j) j = m.End;
        else if (j < end && _t[j].IsWord) j++;
        // "à la télévision d'État", "à la presse": one or two more words of the addressee.
        while (j < end && j - k < 6 && _t[j].IsWord && !_t[j].Cap && ctx.MentionAt[j] is null && !Determiners.Contains(_t[j].Norm) && _t[j].Norm is not ("un" or "une" or "des")) j++;
        return ctx.SkipAdverbs(j, end);
    }

    /// <summary>The comma at <paramref name="comma"/> closes a phrase set beside a named subject that alone opens the sentence,
    /// or a phrase opened by a past participle or a relative pronoun after the sentence's subject (", appuyée par l'aviation
    /// russe,", ", déployé au large de Lattaquié,", ", qui croise au large de Lattaquié,"): the opening comma follows a short
    /// stretch with no auxiliary from the sentence's start ("…drones visaient un aérodrome à X, située à…, a relevé Y" is a
    /// clause's words). The verb after it is the subject's own ("Le croiseur Moskva, qui croise au large de Lattaquié, assure
    /// la défense aérienne"), not an incise.</summary>
    private bool ClosesPhraseBesideSubject(int comma, Sentence s)
    {
        // The sentence's own words open past a wire dateline ("MOSCOU, 8 octobre 2015 (AFP) - Moscou, qui dément…, affirme…").
        var first = ctx.Opening(s);
        var open = comma - 1;
        // Bounded: a participle's phrase is short, and a sentence may be long.
        while (open > first && open > comma - 25 && _t[open].Norm != "," && !_t[open].IsQuote) open--;
        if (open <= first || _t[open].Norm != "," || open + 2 > comma || open - first > 8) return false;
        for (var k = first; k < open; k++) if (_kb.Auxiliaries.Contains(_t[k].Norm) || _t[k].IsQuote) return false;
        // "Le Front al-Nosra, branche syrienne d'Al-Qaïda, a appelé…": whatever stands between the commas, when a named actor
        // alone opens the sentence before them, the verb after them is that actor's (an incise follows words, not a name).
        if (ctx.MentionsIn(first, open).Any(m => m.Actor is not null && m.End == open && m.Start - first <= 1)) return true;
        var word = _t[open + 1];
        if (!word.IsWord || word.Cap) return false;
        if (word.Norm is "qui" or "dont") return true;
        var text = ctx.Doc.Slice(open + 1, open + 2);
        return text.EndsWith('é') || text.EndsWith("ée", StringComparison.Ordinal) || text.EndsWith("és", StringComparison.Ordinal) || text.EndsWith("ées", StringComparison.Ordinal)
            || text.Length >= 6 && (text.EndsWith("enu", StringComparison.Ordinal) || text.EndsWith("enue", StringComparison.Ordinal) || text.EndsWith("enus", StringComparison.Ordinal) || text.EndsWith("enues", StringComparison.Ordinal));
    }

    private bool NegatedVerb(int auxStart, int verb, int verbEnd, Sentence s)
    {
        if (!(auxStart - 1 >= s.First && _t[auxStart - 1].Norm is "ne" or "n")) return false;
        for (var k = auxStart; k < verb; k++) if (Grammar.StrongNegations.Contains(_t[k].Norm)) return true;
        return verbEnd < s.End && Grammar.StrongNegations.Contains(_t[verbEnd].Norm);
    }

    /// <summary>The actor a relative "qui" refers to, ending at <paramref name="k"/>: past a comma, and past a parenthesis
    /// ("selon l'Observatoire syrien des droits de l'Homme (OSDH) qui a indiqué que…").</summary>
    private ActorEntry? Antecedent(int k, Sentence s)
    {
        if (k >= s.First && _t[k].Norm == ",") k--;
        if (k >= s.First && _t[k].Norm == ")")
        {
            var open = k - 1;
            while (open > s.First && open > k - 8 && _t[open].Norm != "(") open--;
            if (open > s.First && _t[open].Norm == "(")
                return (open + 1 < k ? ctx.MentionAt[open + 1]?.Actor : null) ?? ctx.MentionAt[open - 1]?.Actor;
        }
        return k >= s.First ? ctx.MentionAt[k]?.Actor : null;
    }

    // "Bakou, qui à son tour a indiqué…": "qui" before the auxiliary, past an adverbial phrase.
    private int? QuiBefore(int auxStart, Sentence s)
    {
        var k = auxStart - 1;
        for (var len = 4; len >= 1; len--)
            if (k - len + 1 > s.First && _kb.Adverbs.Match(_t, k - len + 1, k + 1) == len) { k -= len; break; }
        return k > s.First && k < auxStart - 1 && _t[k].Norm == "qui" ? k : null;
    }

    private int SubjectStart(Mention m, Sentence s)
    {
        var k = m.Start;
        if (k - 1 >= s.First && _t[k - 1].IsWord && _t[k - 1].Norm is "le" or "la" or "les" or "l" or "un" or "une" or "des" or "son" or "sa" or "ses" or "cette" or "ce" or "ces") k--;
        return k;
    }

    private int AfterInvertedSpeaker(Cue cue, Sentence s)
    {
        if (cue.Kind != CueKind.Inverted) return cue.VerbEnd;
        var k = ctx.SkipAdverbs(cue.VerbEnd, s.End);
        if ((MentionStartingAt(k, s.End) ?? (SpeakerAcross(cue.VerbEnd, s.End) is var across && across >= 0 ? MentionStartingAt(across, s.End) : null)) is not { } speaker) return cue.VerbEnd;
        k = speaker.End;
        while (k < s.End && _t[k].Norm == ",") k++;
        return k;
    }

    private int ContentAfterVerb(ReportingVerb verb, int verbEnd, Sentence s, Cue cue)
    {
        var k = ctx.SkipAdverbs(verbEnd, s.End);
        // "Moscou a démenti, assurant que…": a reporting participle after the comma tells the words; the verb before has none
        // of its own (a denial then answers what was reported before it).
        if (k + 1 < s.End && _t[k].Norm == "," && _kb.Verbs.Match(_t, k + 1, s.End, out var participle) > 0 && participle.Kind == VerbFormKind.PresentParticiple)
            return -1;
        // "a déclaré à l'AFP, sous couvert d'anonymat, que…", "a affirmé sur Telegram avoir…", "ont affirmé, via leur chaîne
        // Al-Masirah, que…": a channel or an addressee before the clause is not part of the words.
        // "a répété à plusieurs reprises depuis le début de l'intervention que…", "a assuré mercredi, par la voix de son
        // porte-parole, que…": a chain of circumstantial phrases (bounded) before the clause; a relative word or a verb ends it.
        if (verb.Complement is not ("a" or "de") && (QueAcross(k, s) is var across && across >= 0 || k > verbEnd && (across = QueAcross(SkipTimeWords(verbEnd, s.End), s)) >= 0)) return across;
        if (k < s.End && _t[k].Norm is "que" or "qu") return k + 1;
        if (k < s.End && _t[k].Norm == ":") return k + 1;
        if (verb.Complement == "de" || verb.Lemma == "accuser")
        {
            // accuser X de…, faire état de…, se féliciter d'…
            if (k < s.End && _t[k].Norm is "de" or "d") return k + 1;
            var obj = MentionStartingAt(k, s.End);
            if (obj is not null)
            {
                cue.Object = obj;
                var j = obj.End;
                if (j < s.End && _t[j].Norm is "de" or "d") return j + 1;
            }
            // "a demandé vendredi à Vladimir Poutine que les frappes russes visent…": after the addressee, "que" opens the words as "de" does.
            for (var j = k; j < Math.Min(s.End, k + 6); j++) if (_t[j].Norm is "de" or "d" or "que" or "qu") return j + 1;
            return k;
        }
        // "s'est élevé contre le fait que…"
        if (verb.Complement == "contre" && k < s.End && _t[k].Norm == "contre") return k + 1;
        if (verb.Complement == "a")
        {
            var obj = MentionStartingAt(k, s.End);
            if (obj is not null) cue.Object = obj;
        }
        return k;
    }

    /// <summary>"a déclaré à l'AFP, sous couvert d'anonymat, que…", "a répété à plusieurs reprises depuis le début de
    /// l'intervention que…", "a assuré mercredi, par la voix de son porte-parole, que…": the clause after a bounded chain of
    /// channel or circumstantial phrases (a relative word or a verb ends the chain). Where the words start, or -1.</summary>
    private int QueAcross(int k, Sentence s)
    {
        var insertion = k < s.End && _t[k].Norm == ",";
        if (k >= s.End || !(Grammar.ChannelPrepositions.Contains(_t[k].Norm) || insertion)) return -1;
        for (var j = k + 1; j < Math.Min(s.End, k + 18); j++)
        {
            if (_t[j].Norm is ";" or "." or ":" || _t[j].IsQuote || Grammar.RelativeWords.Contains(_t[j].Norm)) break;
            // "assure au contraire ne viser que l'EI", "a déclaré à l'AFP ne pas avoir reçu…": a negated infinitive is the words
            // themselves (the "que" of "ne … que" restricts, it opens no clause).
            if (_t[j].Norm is "ne" or "n" && j - k <= 6) return j;
            if (_t[j].Norm is "que" or "qu" && (_t[j - 1].Norm == "," || !insertion && j - k <= 14)) return j + 1;
            if (_t[j].Norm is "avoir" or "etre" && j - k <= 6) return j;
            if (_kb.Verbs.Match(_t, j, s.End, out _) > 0 || _kb.Auxiliaries.Contains(_t[j].Norm) && _t[j].Norm is not "a") break;
        }
        return -1;
    }

    private static IReadOnlySet<string> Determiners => Grammar.PhraseDeterminers;

    private Mention? MentionStartingAt(int j, int end)
    {
        if (j >= end) return null;
        if (ctx.MentionAt[j] is { } m && m.Start == j) return m;
        if (Determiners.Contains(_t[j].Norm) && j + 1 < end && ctx.MentionAt[j + 1] is { } m2 && m2.Start == j + 1) return m2;
        if (_t[j].Norm == "l" && j + 1 < end && ctx.MentionAt[j + 1] is { } m3 && m3.Start == j + 1) return m3;
        // "selon plusieurs télévisions israéliennes", "ont indiqué deux responsables": a quantity before a described source.
        if (_kb.DescriptiveDeterminers.Contains(_t[j].Norm) && j + 1 < end && ctx.MentionAt[j + 1] is { Kind: MentionKind.Anonymous } m4 && m4.Start == j + 1) return m4;
        return null;
    }

    private int SkipDeterminer(int k, int limit, bool listComma = false) => k > limit && Grammar.DefiniteArticles.Contains(_t[k].Norm) && (_t[k - 1].Norm == "et" || listComma && _t[k - 1].Norm == ",") ? k - 1 : k;

    private Mention? MentionEndingAt(int end, int from)
    {
        for (var j = end - 1; j >= from; j--)
            if (ctx.MentionAt[j] is { } m && m.Start == j) return m.End == end ? m : null;
        return null;
    }

    // Subject after the verb: "a déclaré mercredi le porte-parole …, le général Igor Konachenkov"; "ont annoncé Paris et Washington".
    private List<ActorEntry>? SpeakerAfter(int k, int end)
    {
        // "« … », indique un communiqué du ministère": a document named with its issuer speaks for the issuer.
        var first = MentionStartingAt(k, end) ?? CoordinatedPastUnknown(k, end) ?? DocumentIssuerAt(k, end);
        if (first?.Actor is null) return null;
        var groups = new List<List<Mention>> { new() { first } };
        var cur = first;
        while (cur.End < end)
        {
            var j = cur.End;
            // "l'agence Saba proche des rebelles, ainsi que des témoins": a "proche de X" qualifier belongs to the speaker before.
            if (Grammar.QualifierWords.Contains(_t[j].Norm) && j + 2 < end && _t[j + 1].Norm is "de" or "des" or "du" or "d")
            {
                if (MentionStartingAt(j + 2, end) is { } qualifier) j = qualifier.End; // past a determiner too ("proche des rebelles")
                if (j >= end) break;
            }
            // "ont indiqué l'agence Saba ainsi que des témoins", "un médecin et des éléments du mouvement « Ansarallah »" (members
            // named by the body they belong to speak for it); "a déclaré le ministre, Ibrahim Khatir, et le comité de
            // résistance": the comma closing an apposition, then "et".
            // "ont déclaré Paris, Londres et Berlin": a comma opening an enumeration of names coordinates each of them.
            if (_t[j].Norm == "," && EnumeratedAfter(cur, end) is { Count: > 0 } listed)
            {
                groups.AddRange(listed.Select(m => new List<Mention> { m }));
                cur = listed[^1];
                continue;
            }
            var coordinator = _t[j].Norm == "," && j + 2 < end && _t[j + 1].Norm == "et" ? j + 1 : j;
            var next = CoordinatedMention(coordinator, end, members: true, out var after);
            // "a déclaré mercredi le porte-parole …, le général Igor Konachenkov": a bare comma adds to the speaker before (one
            // group, of which the person speaks) rather than coordinating another.
            var apposed = after < 0 && _t[j].Norm == ",";
            if (apposed) next = MentionStartingAt(j + 1, end);
            if (next?.Actor is null) break;
            if (apposed) groups[^1].Add(next);
            else groups.Add([next]);
            cur = next;
        }
        return groups.Select(g => (g.FirstOrDefault(m => m.IsPerson) ?? g[0]).Actor!).ToList();
    }

    private Mention? LastCandidate(Sentence s, int from, int before, bool[] paren)
    {
        Mention? best = null;
        foreach (var m in ctx.MentionsIn(from, before))
        {
            if (m.Prep is not null && !AuthorOfDocument(m) || paren[m.Start - s.First] || InAnyQuote(m)) continue;
            if (m.Actor is null && m.Kind != MentionKind.Pronoun) continue;
            if (m.Kind == MentionKind.Pronoun && m.Head is not ("il" or "elle" or "ils" or "elles")) continue;
            best = m;
        }
        return best;
    }

    // "Une enquête de l'ONU conclut que…", "le rapport d'Amnesty affirme…": the document's author speaks.
    private bool AuthorOfDocument(Mention m)
    {
        if (m.Prep is not ("de" or "d" or "du" or "des")) return false;
        var k = m.Start - 1;
        if (k >= 0 && _t[k].Norm is "l" or "la" or "le" or "les" or "une" or "un") k--;
        if (k < 0 || _t[k].Norm is not ("de" or "d" or "du" or "des")) return false;
        for (var len = 1; len <= 2 && k - len >= 0; len++)
            if (_kb.DocumentNouns.Match(_t, k - len, k) == len) return true;
        return false;
    }

    private ActorEntry? MainSubject(Sentence s, int before, bool[] paren)
    {
        var start = s.First;
        for (var k = before - 1; k > s.First; k--) if (ctx.IsClauseBoundary(k, s.End)) { start = k; break; }
        foreach (var m in ctx.MentionsIn(start, before))
        {
            if (m.Prep is not null || paren[m.Start - s.First] || InAnyQuote(m)) continue;
            if (m.Kind == MentionKind.Pronoun) return PronounSpeaker(m.Head);
            if (m.Actor is not null) return m.Actor;
        }
        return null;
    }

    private bool InAnyQuote(Mention m) => ctx.Doc.InQuote(m.Start);

    private bool IsAdverb(int j)
    {
        var n = _t[j].Norm;
        if (_kb.Adverbs.Match(_t, j, j + 1) == 1) return true;
        // "a systématiquement démenti", "a aussitôt rejeté": adverbs in -ment.
        if (n.Length > 6 && n.EndsWith("ment", StringComparison.Ordinal) && !_t[j].Cap) return true;
        return Grammar.ParticipleAdverbs.Contains(n)
            || n == "de" && j + 1 < _t.Count && _t[j + 1].Norm == "nouveau";
    }

    /// <summary>Relative clauses, appositions, parentheses and dashes: mentions there are not the subject.</summary>
    private bool[] Parentheticals(Sentence s)
    {
        var n = s.End - s.First;
        var paren = new bool[n];
        var depth = 0;
        var dash = false;
        // Dashes pair up ("– selon lui –"); a lone dash near the start closes a dateline ("BAKOU/EREVAN (Reuters) - …"),
        // whose words are not the subject; a lone dash elsewhere opens nothing.
        // A wire dateline ("PARIS, 8 octobre 2015 (AFP) -", as Dateline reads it) is no part of the sentence, and its dash pairs
        // with no other.
        var opening = ctx.Opening(s);
        for (var i = s.First; i < opening; i++) paren[i - s.First] = true;
        var dashes = new List<int>();
        for (var i = opening; i < s.End; i++) if (_t[i].Norm is "-" or "–" or "—" && _t[i].Kind == TokenKind.Punct) dashes.Add(i);
        var loneDash = dashes.Count % 2 == 1 ? dashes[^1] : -1;
        if (loneDash >= 0 && dashes.Count == 1 && loneDash - opening <= 8)
            for (var i = opening; i < loneDash; i++) paren[i - s.First] = true;
        for (var i = opening; i < s.End; i++)
        {
            var norm = _t[i].Norm;
            if (norm == "(") depth++;
            if (norm is "-" or "–" or "—" && _t[i].Kind == TokenKind.Punct && i != loneDash) dash = !dash;
            if (depth > 0 || dash) paren[i - s.First] = true;
            if (norm == ")" && depth > 0) depth--;
        }
        // ", qui … ," / ", basée au … ," : a comma pair opened by a relative word or a lower-case non-determiner.
        // A dateline's comma ("MOSCOU, 12 octobre 2015 (AFP) -") opens no pair: paired with the next comma, it hid the subject.
        var commas = new List<int>();
        for (var i = opening; i < s.End; i++) if (_t[i].Norm == "," && !ctx.Doc.InQuote(i)) commas.Add(i);
        for (var c = 0; c + 1 < commas.Count; c++)
        {
            var open = commas[c];
            var close = commas[c + 1];
            if (open + 1 >= s.End) continue;
            var first = _t[open + 1];
            var relative = Grammar.RelativeWords.Contains(first.Norm)
                || (!first.Cap && first.IsWord && !Determiners.Contains(first.Norm) && first.Norm is not ("et" or "mais" or "tandis" or "alors" or "selon" or "a" or "ont" or "que" or "qu" or "d" or "de" or "l") && _kb.Verbs.Match(_t, open + 1, s.End, out _) == 0);
            var relativeWord = Grammar.RelativeWords.Contains(first.Norm);
            // ", al-Masirah, a fait état": a name apposed to the subject (its first word may be a lower-case particle) is the speaker.
            if (!relativeWord && ctx.MentionAt[open + 1] is { Actor: not null } apposed && apposed.Start == open + 1 && apposed.End == close) continue;
            // "L'OSDH, une ONG basée à Londres, a fait état de…": an indefinite apposition describes the actor named before it,
            // who speaks; the description is not a second, unnamed speaker.
            // Its short name may stand between them: "L'Observatoire syrien des droits de l'homme (OSDH), une ONG…".
            relative |= first.Norm is "un" or "une" && ctx.MentionsIn(Math.Max(s.First, open - 12), open)
                .Any(m => m.Actor is not null && (m.End == open || _t[open - 1].Norm == ")" && m.End < open && _t[m.End].Norm == "(" && m.End >= open - 4));
            if (!relative) continue;
            if (!relativeWord && !(close + 1 < s.End && (_kb.Auxiliaries.Contains(_t[close + 1].Norm) || _kb.Verbs.Match(_t, close + 1, s.End, out _) > 0))) continue;
            for (var k = open + 1; k < close; k++) paren[k - s.First] = true;
        }
        return paren;
    }

    // ---- content ----

    private void AssignContent(Sentence s, List<Cue> cues)
    {
        var ordered = cues.OrderBy(c => c.VerbStart).ToList();
        for (var ci = 0; ci < ordered.Count; ci++)
        {
            var cue = ordered[ci];
            if (cue.ContentEnd >= 0 && cue.Kind == CueKind.BackReference) continue;
            if (cue.ContentBefore && cue.ContentStart < 0)
            {
                var start = ctx.Opening(s);
                for (var p = ci - 1; p >= 0; p--)
                {
                    if (ordered[p].Derived) continue;
                    // ", a affirmé mardi X, alors qu'…, selon Y": Y's words start after the earlier cue's inverted speaker.
                    start = ordered[p].ContentBefore ? AfterInvertedSpeaker(ordered[p], s) : Math.Max(start, ordered[p].ContentStart);
                    if (!ordered[p].ContentBefore)
                    {
                        // "X a annoncé n'avoir mené aucun raid dans la zone, où une attaque a été perpétrée selon Y": a "selon"
                        // closing a relative clause of X's words governs that clause only, not X's announcement.
                        if (cue.Kind == CueKind.Source && ordered[p].ContentStart >= 0 && RelativeClauseBefore(ordered[p].ContentStart, cue.RegionStart) is var rel && rel >= 0)
                        {
                            cue.RelativeClauseStart = rel;
                            start = rel + 2;
                        }
                        else start = ctx.Opening(s);
                    }
                    break;
                }
                // "« … », a affirmé X, alors qu'une frappe a fait 45 morts, selon Y": a "selon" closing a clause opened by ", alors
                // que" or ", tandis que" governs that clause only.
                if (cue.Kind == CueKind.Source)
                    for (var b = cue.RegionStart - 2; b >= start && b > s.First; b--)
                        if (!ctx.Doc.InQuote(b) && ctx.IsClauseBoundary(b, s.End)) { start = b + _kb.ClauseBoundaries.Match(_t, b, s.End); cue.RelativeClauseStart = b - 1; break; }
                // The region of a speaker placed after an earlier inverted cue: "…, a dit X. " handled per sentence.
                cue.ContentStart = start;
                cue.ContentEnd = cue.RegionStart;
                // "…ne correspond pas à la vérité «Les troupes russes n'ont pas…», a indiqué X": a quotation closing right before
                // an inverted cue is that speaker's words, even when no punctuation parts it from the clause before (a quotation
                // opening on a capital: one opening on a small letter continues the clause, 'étaient "plus intenses", a ajouté X').
                var close = cue.RegionStart - 1;
                while (close > start && _t[close].Norm == ",") close--;
                if (close > start && _t[close].IsQuote && ctx.Doc.TryQuoteClosedAt(close, out var quote) && quote.Open > start + 2 && quote.Close - quote.Open > 3
                    && _t[quote.Open + 1].Cap && !(quote.Open > 0 && _t[quote.Open - 1].Norm is "," or "." or ":" or ";" or "que" or "qu"))
                {
                    cue.ContentStart = quote.Open;
                    cue.QuotedMidSentence = true;
                }
                if (ci > 0 && !ordered[ci - 1].Derived && !ordered[ci - 1].ContentBefore && ordered[ci - 1].Kind is CueKind.Source)
                {
                    // "Selon X, …" then ", a-t-il dit": the inverted cue owns the text.
                }
                continue;
            }
            if (cue.ContentStart < 0) continue;
            var end = s.End;
            foreach (var next in ordered.Skip(ci + 1))
            {
                if (next.Derived || next.RegionStart <= cue.ContentStart) continue;
                if (next.ContentBefore && next.Kind != CueKind.Source) continue;
                end = Math.Min(end, next.RegionStart);
                break;
            }
            for (var k = cue.ContentStart; k < end; k++)
                if (!ctx.Doc.InQuote(k) && (ctx.IsClauseBoundary(k, s.End) || _t[k].Norm == ";" || (_t[k].Norm == ":" && cue.Kind != CueKind.ColonAgent && k > cue.ContentStart + 3)))
                { end = k; break; }
            // "a condamné un « acte clairement hostile » après les frappes…": a quoted object is the words; the circumstances
            // after it are the article's.
            var o = cue.ContentStart;
            if (o < end && Grammar.Determiners.Contains(_t[o].Norm) || o < end && _t[o].Norm is "des" or "de" or "d" or "une" or "un") o++;
            if (o < end && _t[o].IsQuote && ctx.Doc.TryQuoteOpenedAt(o, out var objectQuote) && objectQuote.Close + 1 < end
                && _t[objectQuote.Close + 1].Norm is "apres" or "contre" or "lors" or "face" or "alors" or "au" or "aux" or "dans" or "en")
                end = objectQuote.Close + 1;
            cue.ContentEnd = end;
        }
        // A content-before cue after content-after cues: "Selon lui, …" never shares with ", a-t-il ajouté".
        foreach (var cue in ordered.Where(c => c.ContentBefore && c.ContentStart >= 0))
        {
            foreach (var other in ordered.Where(o => o != cue && !o.ContentBefore && !o.Derived && o.ContentStart >= 0 && o.ContentEnd > cue.ContentStart && o.VerbStart < cue.VerbStart))
                other.ContentEnd = Math.Min(other.ContentEnd, cue.QuotedMidSentence ? cue.ContentStart : cue.RelativeClauseStart >= 0 ? cue.RelativeClauseStart : cue.RegionStart);
        }
    }


    /// <summary>The comma opening the last relative clause (", où", ", qui", ", dont") in tokens [from, end) outside quotations, or -1.</summary>
    private int RelativeClauseBefore(int from, int end)
    {
        for (var k = end - 2; k > from; k--)
            if (_t[k].Norm == "," && Grammar.RelativeWords.Contains(_t[k + 1].Norm) && !ctx.Doc.InQuote(k)) return k;
        return -1;
    }

    private StatementDraft? Draft(Cue cue, ActorEntry speaker, int si)
    {
        // "contrairement à ce qu'affirme le Croissant-Rouge": the verb names whose account is contradicted; it reports no words.
        if (cue.Verb is { Dispute: false } && ContradictedSourceVerb(cue.VerbStart)) return null;
        var (a, b) = Trim(cue.ContentStart, cue.ContentEnd);
        // "a accusé l'OSDH de mentir": one word after the accused object is words enough.
        if (b - a < 2 && !(b - a == 1 && cue.Object is not null)) return null;
        var mode = Statement.Indirect;
        // Direct speech: the words are one quotation (a few words may trail: "«…» en Syrie, a dénoncé X").
        // ('"Plus de trente missiles" ont visé l'Ukraine, selon X': a quotation that is the subject of a verb after it is part of a
        // reported clause, not the words themselves.)
        if (_t[a].IsQuote && ctx.Doc.TryQuoteOpenedAt(a, out var q) && q.Close > a && q.Close < b && b - 1 - q.Close <= 4
            && !(cue.Kind == CueKind.Preposed && a > 0 && _t[a - 1].Norm is "que" or "qu")
            && !(q.Close + 1 < b && _kb.Auxiliaries.Contains(_t[q.Close + 1].Norm)))
        {
            if (q.Close - q.Open > 3)
            {
                mode = Statement.Direct;
                (a, b) = (q.Open + 1, q.Close);
            }
        }
        // "a accusé X de bombarder la ville et menacé Erevan de représailles": reported words end where the same subject's next
        // reporting verb is coordinated ("et menacé", "et a affirmé").
        if (mode == Statement.Indirect)
            for (var k = a + 2; k + 1 < b; k++)
            {
                if (_t[k].Norm != "et") continue;
                var v = k + 1;
                if (v + 1 < b && _kb.Auxiliaries.Contains(_t[v].Norm)) v++;
                if (_kb.Verbs.Match(_t, v, b, out var vf) > 0 && vf.Kind is VerbFormKind.Participle or VerbFormKind.Finite) { b = k; break; }
            }
        var span = ctx.Doc.SpanOf(a, b);
        return new StatementDraft
        {
            Speaker = speaker, ContentStart = a, ContentEnd = b, Text = ctx.Doc.Text[span.Start..span.End], Mode = mode, Span = span,
            Cue = cue, Sentence = si, LastSentence = si,
        };
    }

    private bool ContradictedSourceVerb(int verb)
    {
        var k = verb;
        if (k > 0 && _kb.Auxiliaries.Contains(_t[k - 1].Norm)) k--;
        for (var j = Math.Max(0, k - 6); j < k; j++)
            if (_kb.ContrarySources.Match(_t, j, k) == k - j) return true;
        return false;
    }

    private StatementDraft? PointingBack(Cue cue, ActorEntry speaker, int si)
    {
        if (cue.VerbEnd <= cue.RegionStart) return null;
        var span = ctx.Doc.SpanOf(cue.RegionStart, cue.VerbEnd);
        return new StatementDraft
        {
            Speaker = speaker, ContentStart = cue.VerbEnd, ContentEnd = cue.VerbEnd, Text = ctx.Doc.Text[span.Start..span.End], Mode = Statement.Indirect,
            Span = span, Cue = cue, Sentence = si, LastSentence = si, PointsBack = true,
        };
    }

    private (int, int) Trim(int a, int b)
    {
        while (a < b && _t[a].Kind == TokenKind.Punct) a++;
        for (var trimmed = true; trimmed;)
        {
            trimmed = false;
            while (b > a && (_t[b - 1].Kind == TokenKind.Punct || _t[b - 1].Norm is "et" or "mais" or "ou" || (_t[b - 1].IsQuote && !ctx.Doc.ClosesQuote(b - 1))))
                b--;
            // "…sur les positions de l'EI, ce que le Pentagone dément": the relative that opens the next cue is not the words.
            if (b - a > 3 && _t[b - 1].Norm is "que" or "qu" && _t[b - 2].Norm == "ce") { b -= 2; trimmed = true; }
        }
        return (a, b);
    }

    // "…", a-t-il dit. "Globalement, ces propositions peuvent être mises en place." — one speaker's quotation goes on.
    private void TryContinueQuote(List<StatementDraft> drafts, int si, Sentence s)
    {
        if (drafts.Count == 0) return;
        var last = drafts[^1];
        // A paragraph that is all quotation, right after a paragraph ending with the speaker's quoted words, goes on with them
        // (wire copy opens a new paragraph for the rest of a quotation).
        var previousBlock = ctx.Doc.Sentences[si - 1].Block;
        if (last.LastSentence != si - 1 || previousBlock != s.Block && !(s.Block == previousBlock + 1 && last.Mode == Statement.Direct)) return;
        if (!_t[s.First].IsQuote) return;
        if (!ctx.Doc.TryQuoteOpenedAt(s.First, out var q) || q.Close <= q.Open || q.Close < s.End - 2) return;
        var inner = ctx.Doc.SpanOf(q.Open + 1, q.Close);
        if (last.Mode != Statement.Direct)
        {
            // '"Plus de trente missiles" ont visé l'Ukraine, selon X. "Six bombardiers ont décollé…"': a reported clause that quoted
            // its speaker, then a sentence that is all quotation with no cue of its own: the same speaker's words, direct.
            if (last.ContentEnd <= last.ContentStart || !Enumerable.Range(last.ContentStart, last.ContentEnd - last.ContentStart).Any(k => _t[k].IsQuote)) return;
            drafts.Add(new StatementDraft
            {
                Speaker = last.Speaker, ContentStart = q.Open + 1, ContentEnd = q.Close, Text = ctx.Doc.Text[inner.Start..inner.End], Mode = Statement.Direct,
                Span = inner, Cue = last.Cue, Sentence = si, LastSentence = si,
            });
            return;
        }
        last.Text = last.Text + " " + ctx.Doc.Text[inner.Start..inner.End];
        last.Span = new Span(last.Span.Start, inner.End);
        last.LastSentence = si;
    }

    // A sentence a page repeats (the lead shown twice) gives its statements once.
    private void DropRepeatedSentences(List<StatementDraft> drafts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        drafts.RemoveAll(d => !seen.Add(d.Speaker.Id + "|" + Fold.Text(d.Text)));
    }
}
