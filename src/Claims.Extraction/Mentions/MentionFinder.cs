using Claims.Extraction.Knowledge;
using Claims.Extraction.Text;

namespace Claims.Extraction.Mentions;

/// <summary>Finds actor and place mentions: knowledge-base names, aliases and role titles; a title followed by a capitalised
/// name (new people are kept, not lost); demonyms (les Russes); agent noun + nationality (avions russes); anonymous sources
/// (une source de sécurité syrienne); and references to resolve (cette source, l'ONG, le général, il).</summary>
public sealed class MentionFinder(KnowledgeBase kb)
{
    // Per call of Find (a MentionFinder is shared by concurrent extractions, so this lives in a thread-static slot).
    [ThreadStatic] private static OpenClassMemory? _openSlot;
    private OpenClassMemory _open { get => _openSlot!; set => _openSlot = value; }

    // Function words: Data/grammar.json.
    private static IReadOnlySet<string> Determiners => Grammar.Determiners;
    private static IReadOnlySet<string> Prepositions => Grammar.Prepositions;
    private static IReadOnlySet<string> NotPrepContextForDes => Grammar.NotPrepositionBeforeDes;

    public (List<Mention> Actors, List<PlaceMention> Places) Find(Document doc) => Find(doc, CancellationToken.None);

    /// <summary>As <see cref="Find(Document)"/>, checking <paramref name="cancellation"/> once per sentence.</summary>
    public (List<Mention> Actors, List<PlaceMention> Places) Find(Document doc, CancellationToken cancellation)
    {
        var tokens = doc.Tokens;
        var actors = new List<Mention>();
        var places = new List<PlaceMention>();
        var localSurnames = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var roles = new RoleHolders();
        _open = new OpenClassMemory();
        PlaceEntry? lastProvince = null;
        foreach (var s in doc.Sentences)
        {
            cancellation.ThrowIfCancellationRequested();
            if (s.Heading) continue;
            var firstActor = actors.Count;
            // A wire dateline ("MOSCOU, 8 octobre 2015 (AFP) -") names where the story was filed, not an actor.
            var contentStart = Dateline.End(doc.Text, tokens, s.First, s.End, kb.Months);
            var i = contentStart;
            while (i < s.End)
            {
                var m = ActorAt(doc, i, s.End, localSurnames, roles);
                if (m is not null)
                {
                    if (m.Kind == MentionKind.Name && m.IsPerson) ExtendApposition(doc, m, s.End, localSurnames, roles);
                    RememberShortName(doc, m, s.End);
                    if (m.IsPerson && m.End - m.Start > 3) RememberInstitutionInTitle(doc, m);
                    m.Prep = PrepositionBefore(tokens, m.Start, s.First);
                    actors.Add(m);
                    // The state last named as a subject, and where an institution acting for a state was last named: "l'armée"
                    // after them is that state's army (below).
                    if (m.Actor is { Kind: "state" } subjectState && m.Prep is null && m.Kind == MentionKind.Name && !doc.InQuote(m.Start) && IsClauseSubject(doc, m, contentStart, s.End))
                    { _open.LastSubjectState = subjectState; _open.LastSubjectStateAt = m.Start; }
                    if (m.Actor is { Kind: "institution", ActsFor: not null }) _open.LastActingAt = m.Start;
                    // A communiqué is an institution's or a medium's (a state speaks through them).
                    if (m.Actor is { Kind: "institution" or "media" } organisation) _open.LastOrganisation = organisation;
                    // "L'armée israélienne a frappé… L'armée a affirmé…": a listed institution named by its head noun is what a
                    // later bare head continues, as an open-class one is.
                    if (m.Kind == MentionKind.Name && m.Actor is { Kind: "institution" } listed && m.Head is null
                        && kb.InstitutionHeads.Match(tokens, m.Start, m.End, out var listedHead) > 0) _open.ByHead[listedHead] = listed;
                    for (var c = m.Start; c < m.End; c++)
                        if (kb.CapitalMetonyms.Contains(tokens[c].Norm) && kb.Places.Match(tokens, c, m.End, out var capitalPlace) > 0) _open.LastCapital = capitalPlace;
                    i = m.End;
                    continue;
                }
                i++;
            }
            lastProvince = FindPlaces(doc, s, contentStart, actors, firstActor, places, lastProvince);
        }
        return (actors, places);
    }

    private Mention? ActorAt(Document doc, int i, int end, Dictionary<string, ActorEntry> localSurnames, RoleHolders roles)
    {
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (!t.IsWord) return null;

        // M. Lavrov, Mme X: honorific + capitalised name.
        if (kb.Honorifics.Contains(t.Norm) && t.Cap && i + 2 < end && tokens[i + 1].Norm == "." && tokens[i + 2].Cap)
        {
            var nameEnd = NameRun(doc, i + 2, end);
            if (nameEnd > i + 2) return Named(doc, i, i + 2, nameEnd, localSurnames, MentionKind.Name);
        }
        // "Selon Mme Zakharova", "Mlle X", "Dr X": honorifics written without a full stop (actors.json; not a bare "M", which may be
        // an initial).
        if (kb.Honorifics.Contains(t.Norm) && t.Norm.Length > 1 && t.Cap && i + 1 < end && tokens[i + 1].Cap && !kb.NotNames.Contains(tokens[i + 1].Norm))
        {
            var nameEnd = NameRun(doc, i + 1, end);
            if (nameEnd > i + 1) return Named(doc, i, i + 1, nameEnd, localSurnames, MentionKind.Name);
        }

        var roleLen = kb.Roles.Match(tokens, i, end, out var roleActor);
        var nameLen = kb.ActorNames.Match(tokens, i, end, out var named);
        if (nameLen > 0 && nameLen >= roleLen)
        {
            // "régime" alone is an alias, but "les Russes" style demonyms and capital metonyms in places are handled below.
            if (IsLocative(tokens, i) && kb.CapitalMetonyms.Contains(nameLen == 1 ? t.Norm : string.Join(' ', Enumerable.Range(i, nameLen).Select(k => tokens[k].Norm))))
                return null;
            var m = new Mention(i, i + nameLen, MentionKind.Name) { Actor = LedBy(tokens, i + nameLen, end, named) ?? named };
            // "les rebelles tigréens", "des insurgés touaregs": a group named by a common noun the knowledge base lists for one
            // war, with another nationality after it, is another group.
            if (named.Kind == "armed-group" && nameLen == 1 && !t.Cap && i + 1 < end && !tokens[i + 1].Cap
                && (kb.Nationalities.TryGetValue(tokens[i + 1].Norm, out var other) ? other.Id != named.Side && other.Side != named.Side : LooksLikeNationality(tokens[i + 1])))
            {
                var groupName = doc.Slice(i, i + 2);
                return new Mention(i, i + 2, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(groupName), groupName, "armed-group", other?.Id, null, named.TargetClass, []) };
            }
            // A role title immediately followed by the person's name is one mention of that person.
            return m;
        }
        if (roleLen > 0)
        {
            var after = i + roleLen;
            // "le chef de la diplomatie française, Jean-Yves Le Drian,": the person named in apposition holds the role now, whoever
            // the knowledge base last knew in it.
            if (after + 1 < end && tokens[after].Norm == "," && tokens[after + 1].Cap && !kb.NotNames.Contains(tokens[after + 1].Norm)
                && kb.Places.Match(tokens, after + 1, end, out _) == 0 && (kb.ActorNames.Match(tokens, after + 1, end, out var appositive) == 0 || appositive.Kind == "person"))
            {
                var appEnd = NameRun(doc, after + 1, end);
                if (appEnd - (after + 1) >= 2 && appEnd < end && tokens[appEnd].Norm is "," or "." or ";")
                    return Named(doc, i, after + 1, appEnd, localSurnames, MentionKind.Name);
            }
            if (after < end && tokens[after].Cap && !kb.NotNames.Contains(tokens[after].Norm))
            {
                var nameEnd = NameRun(doc, after, end);
                if (nameEnd > after) return Named(doc, i, after, nameEnd, localSurnames, MentionKind.Name);
            }
            // "un porte-parole du ministère russe de la Défense": an indefinite article names someone holding such a role, not the
            // one the knowledge base lists in it (read below as a new person with that title).
            if (i > 0 && tokens[i - 1].Norm is "un" or "une") roleLen = 0;
            else return new Mention(i, after, MentionKind.Role) { Actor = roleActor };
        }

        // "un responsable local … a indiqué le responsable (local)": a title that first came as a described source, taken up with
        // the definite article and no complement of its own, is that source, not the person named last with that title.
        if (DescribedAgain(doc, i, end) is { } again) return again;

        // Title + capitalised name: le général Igor Konachenkov, le porte-parole russe Dmitri Peskov.
        var titleLen = kb.PersonTitles.Match(tokens, i, end);
        if (titleLen > 0 && !t.Cap || titleLen > 0 && i > 0 && Determiners.Contains(tokens[i - 1].Norm))
        {
            for (var k = i + titleLen; k < Math.Min(end, i + titleLen + 7); k++)
            {
                var tk = tokens[k];
                if (!tk.IsWord) break;
                // "le directeur de l'ONG Syrian Network for Human Rights, Fadel Abdul Ghany": a complement naming an organisation
                // is not the person's name (the name comes after the comma).
                if (tk.Norm is "de" or "d" or "du" or "des" && ComplementNamesOrganisation(tokens, k, end)) break;
                // "le porte-parole de Vladimir Poutine, Dmitri Peskov": a person in the complement is whom the title holder serves,
                // and the holder is named after the comma.
                if (tk.Norm is "de" or "d" && ComplementNamesServedPerson(doc, k, end)) break;
                // "le gouverneur d'Odessa M. Kiper": an honorific opens the name after the title's complement.
                if (kb.Honorifics.Contains(tk.Norm) && tk.Cap && k + 2 < end && tokens[k + 1].Norm == "." && tokens[k + 2].Cap)
                {
                    var honorificEnd = NameRun(doc, k + 2, end);
                    if (honorificEnd > k + 2) return Named(doc, i, k + 2, honorificEnd, localSurnames, MentionKind.Name);
                    break;
                }
                if (tk.Cap && !kb.NotNames.Contains(tk.Norm) && !IsPrepOrDet(tokens[k - 1]) && kb.ActorNames.Match(tokens, k, end, out var inner) is var len && (len == 0 || inner.Kind == "person"))
                {
                    var nameEnd = NameRun(doc, k, end);
                    // "a indiqué le général Kartapolov": a rank or office right before a single surname names the person.
                    if (nameEnd - k >= 2 || len > 0 || localSurnames.ContainsKey(tk.Norm)
                        || k == i + titleLen && kb.SurnameTitles.Contains(t.Norm)
                           && nameEnd == k + 1 && kb.Places.Match(tokens, k, end, out _) == 0 && (nameEnd >= end || !tokens[nameEnd].IsWord || kb.Auxiliaries.Contains(tokens[nameEnd].Norm) || kb.Verbs.Match(tokens, nameEnd, end, out _) > 0))
                        return Named(doc, i, k, nameEnd, localSurnames, MentionKind.Name);
                    break;
                }
            }
            if (i > 0 && Determiners.Contains(tokens[i - 1].Norm) && !kb.PluralTitles.Contains(t.Norm))
            {
                // "Le porte-parole du Pentagone, Peter Cook, a estimé": the title, then the name between commas.
                if (TitleApposition(doc, i, titleLen, end, localSurnames, roles) is { } appositive) return appositive;
                // "un responsable des Nations unies", "une porte-parole de l'OTAN": someone of that body, described (not the body).
                if (tokens[i - 1].Norm is "un" or "une" && MemberOf(doc, i, titleLen, end) is { } member) return member;
                // "Le porte-parole du Pentagone a ajouté": the person last named with that role, else the institution itself.
                if (RoleReference(tokens, i, titleLen, end, roles) is { } byRole) return byRole;
            }
            // "le chef de l'administration militaire locale": a title with its own complement is someone new, not the person last named.
            if (i > 0 && Determiners.Contains(tokens[i - 1].Norm) && PersonDescription(doc, i, end) is { } newPerson) return newPerson;
            // "les propos du responsable américain": after "du" or "au" only a title and its nationality (the person last named of
            // that nation); a complement there is more often the owner of something else ("du directeur de l'hôpital").
            if (i > 0 && tokens[i - 1].Norm is "du" or "au" && PersonDescription(doc, i, end) is { Described: not null } contracted) return contracted;
            // "un responsable américain", "des diplomates occidentaux": an indefinite title with a qualifier is an unnamed source.
            if (i > 0 && tokens[i - 1].Norm is "un" or "une" or "des" && (AnonymousAt(doc, i, end) ?? DescriptiveAt(doc, i, end)) is { } unnamed && unnamed.End > i + 1)
            {
                // "le responsable", later, is this one (as for described sources found below).
                if (unnamed.Kind == MentionKind.Anonymous && unnamed.Head is { } uh) { _open.DescribedByHead[uh] = unnamed.Actor!; _open.LastDescribed = unnamed.Actor; }
                return unnamed;
            }
            if (i > 0 && Determiners.Contains(tokens[i - 1].Norm))
            {
                var plural = kb.PluralTitles.Contains(t.Norm);
                // "son homologue américain": the counterpart in that nation of the person last named (resolved later).
                if (t.Norm == "homologue" && i + titleLen < end && kb.Nationalities.TryGetValue(tokens[i + titleLen].Norm, out var nation))
                    return new Mention(i, i + titleLen + 1, MentionKind.GenericRole) { Head = t.Norm, CounterpartIn = nation };
                // "son porte-parole", "d'après son directeur": a possessive title is someone of the body named before, not that body's
                // last-named person ("homologue" names a counterpart elsewhere).
                var possessive = !plural && tokens[i - 1].Norm is "son" or "sa" or "leur" && t.Norm != "homologue";
                return new Mention(i, i + titleLen, plural ? MentionKind.PluralRole : MentionKind.GenericRole) { Head = t.Norm, Possessive = possessive };
            }
        }
        if (kb.PluralTitles.Contains(t.Norm) && i > 0 && tokens[i - 1].Norm is "les" or "des" && !(tokens[i - 1].Norm == "des" && AnonymousAt(doc, i, end) is not null))
            return new Mention(i, i + 1, MentionKind.PluralRole) { Head = t.Norm };

        if (t.Cap && localSurnames.TryGetValue(t.Norm, out var local))
            return new Mention(i, i + 1, MentionKind.Name) { Actor = local };

        // "Masoud Barzani, le président de …": an unknown full name introduced by its apposed title.
        // No known actor name starts here (nameLen is 0 by now: any other case has returned above).
        if (t.Cap && !kb.NotNames.Contains(t.Norm) && !Prepositions.Contains(t.Norm) && !Determiners.Contains(t.Norm) && !NotNamesAtStart.Contains(t.Norm))
        {
            var nameEnd = NameRun(doc, i, end);
            if (nameEnd - i >= 2 && AppositionTitleAt(tokens, nameEnd, end) > 0 && kb.Places.Match(tokens, i, end, out _) == 0)
                return Named(doc, i, i, nameEnd, localSurnames, MentionKind.Name);
        }

        // Open-class institutions ("le ministère arménien de la Défense", "l'armée de l'air ukrainienne", "l'administration
        // militaire de Kiev") and media ("la chaîne Al-Masirah"); a bare head ("le ministère") refers back to the last one named.
        // "les forces loyales au GNA", "les forces pro-GNA": forces named by the actor they serve are that actor.
        if (LoyalForcesAt(doc, i, end, localSurnames, roles) is { } loyal) return loyal;
        // "au Gouvernement libyen d'union nationale (GNA)", "Médecins sans frontières (MSF)": a capitalised name with its short
        // name is that organisation.
        if (t.Cap && OrganisationWithAcronymAt(doc, i, end) is { } shortNamed) return shortNamed;
        if (t.Cap && NamedNgoAt(doc, i, end) is { } ngo) return ngo;
        if (InstitutionAt(doc, i, end) is { } institution) return institution;
        if (MediaAt(doc, i, end) is { } medium) return medium;
        if (TitledNameAt(doc, i, end) is { } titled) return titled;

        // Demonyms: "les Russes", "Russes"; not the adjective in "frappes russes".
        if (kb.Demonyms.TryGetValue(t.Norm, out var people) && (t.Cap || i > 0 && tokens[i - 1].Norm is "les" or "des" or "aux"))
            return new Mention(i, i + 1, MentionKind.Demonym) { Actor = people };

        // Agent noun + nationality adjective: "avions russes", "l'aviation russe" → the state.
        if (kb.AgentNouns.Contains(t.Norm) && i + 1 < end && kb.Nationalities.TryGetValue(tokens[i + 1].Norm, out var state) && !tokens[i + 1].Cap)
            return new Mention(i, i + 2, MentionKind.Adjectival) { Actor = state, Head = t.Norm };

        // Anonymous sources: "une source de sécurité syrienne", "des sources américaines", "les médias syriens".
        if (AnonymousAt(doc, i, end) is { } anonymous) return anonymous;
        // Described speakers: "un habitant", "des témoins", "un élu local", "des sources concordantes".
        if (DescriptiveAt(doc, i, end) is { } described)
        {
            if (described.Head is { } dh) _open.DescribedByHead[dh] = described.Actor!;
            _open.LastDescribed = described.Actor;
            return described;
        }
        // "« … », a raconté l'un d'eux", "l'une d'entre elles": one of the described sources named just before.
        if (t.Norm is "un" or "une" && i > 0 && tokens[i - 1].Norm == "l" && _open.LastDescribed is { } group)
        {
            var k = i + 1;
            if (k < end && tokens[k].Norm == "d") k++;
            if (k < end && tokens[k].Norm == "entre") k++;
            if (k < end && k > i + 1 && tokens[k].Norm is "eux" or "elles") return new Mention(i, k + 1, MentionKind.Name) { Actor = group };
        }
        // "un médecin … selon le médecin": the described source introduced before, taken up with the definite article.
        if (i > 0 && tokens[i - 1].Norm is "le" or "la" or "l" && _open.DescribedByHead.Count > 0 && kb.DescriptiveHeads.Match(tokens, i, end, out var backHead) is var bl && bl > 0
            && _open.DescribedByHead.TryGetValue(backHead.TrimEnd('s'), out var introduced))
            return new Mention(i, i + bl, MentionKind.Name) { Actor = introduced };

        // l'ONG, l'Alliance: a generic noun for an actor named before; not the first word of a name ("l'Organisation populaire
        // Naga": a capitalised word, and a capitalised one within the next two).
        if (kb.GenericNouns.ContainsKey(t.Norm) && i > 0 && tokens[i - 1].Norm is "l" or "le" or "la" or "cette" or "cet" or "une" or "un"
            && !(t.Cap && Enumerable.Range(i + 1, 2).Any(k => k < end && tokens[k].Cap && tokens[k].IsWord)))
            return new Mention(i, i + 1, MentionKind.Generic) { Head = t.Norm };
        // "Le journal indique que…", "l'agence a ajouté": a medium's bare head refers to the medium last named (not "le journal
        // russe Kommersant" or "l'agence officielle Sana", whose qualifier or name follows).
        if (i > 0 && tokens[i - 1].Norm is "l" or "le" or "la" && kb.MediaHeads.Match(tokens, i, i + 1, out _) == 1 && i + 1 < end
            && tokens[i + 1].IsWord && !tokens[i + 1].Cap && !kb.MediaLinkWords.Contains(tokens[i + 1].Norm) && !kb.Nationalities.ContainsKey(tokens[i + 1].Norm))
            return new Mention(i, i + 1, MentionKind.Generic) { Head = t.Norm, Media = true };

        // The acronym of an organisation named in full before with it ("Médecins sans frontières (MSF)", read above) refers to it.
        if (t.Cap && _open.ByAcronym.Count > 0 && _open.ByAcronym.TryGetValue(doc.Text.Substring(t.Start, t.End - t.Start), out var known))
            return new Mention(i, i + 1, MentionKind.Name) { Actor = known };

        // "Celle-ci a affirmé…": the demonstrative pronoun refers back as "elle" does.
        if (i + 1 < end && tokens[i + 1].Norm == "ci" && tokens[i + 1].HyphenBefore && Grammar.DemonstrativePronouns.TryGetValue(t.Norm, out var personal))
            return new Mention(i, i + 2, MentionKind.Pronoun) { Head = personal };
        // "Ce dernier a toutefois reconnu…": the latter refers back as "il" does.
        if (i + 1 < end && Grammar.LatterPronouns.TryGetValue(t.Norm + " " + tokens[i + 1].Norm, out var latter))
            return new Mention(i, i + 2, MentionKind.Pronoun) { Head = latter };
        // A person the knowledge base does not know, named in full ("a écrit dimanche Serhiy Popko", "Hamadoun Dicko a déclaré"):
        // two to four capitalised words, not after a preposition or a determiner (those are places and organisations).
        if (UnknownPersonAt(doc, i, end) is { } person) return person;
        // "Le Tchad a accusé…", "La Géorgie affirme…": a country or body the knowledge base does not list, one capitalised word after
        // the article that opens the sentence, as the subject of a verb.
        if (UnlistedSubjectAfterArticle(doc, i, end) is { } unlisted) return unlisted;

        // "précise le communiqué", "selon ce communiqué": the words of the organisation named last.
        if (i > 0 && tokens[i - 1].Norm is "le" or "ce" or "la" or "cette" && kb.IssuedDocuments.Match(tokens, i, end) is var dl && dl > 0
            && !(i + dl < end && tokens[i + dl].Norm is "de" or "d" or "du" or "des") && _open.LastOrganisation is { } issuer)
            return new Mention(i, i + dl, MentionKind.Name) { Actor = issuer };

        if ((kb.PersonPronouns.Contains(t.Norm) || kb.GroupPronouns.Contains(t.Norm)) && !t.Elided)
            return new Mention(i, i + 1, MentionKind.Pronoun) { Head = t.Norm };
        return null;
    }

    private Mention? AnonymousAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        var t = tokens[i];
        var headLen = kb.Anonymous.Match(tokens, i, end);
        // "la même source", "de même source": the source last quoted.
        if (headLen > 0 && i >= 2 && tokens[i - 1].Norm == "meme" && tokens[i - 2].Norm is "la" or "le" or "de" or "l" or "les" or "des")
            return new Mention(i - 2, i + headLen, MentionKind.Demonstrative) { Head = t.Norm.TrimEnd('s'), SameSource = true };
        if (headLen == 0 || i == 0 || !(Determiners.Contains(tokens[i - 1].Norm) || tokens[i - 1].Norm is "des" or "de" or "d")) return null;
        if (Demonstrative(tokens[i - 1].Norm))
        {
            // "l'une de ces sources", "l'un de ces responsables": one of those last quoted.
            var start = i >= 5 && tokens[i - 1].Norm == "ces" && tokens[i - 2].Norm is "de" or "d" && tokens[i - 3].Norm is "une" or "un" && tokens[i - 4].Norm == "l" ? i - 4 : i - 1;
            return new Mention(start, i + headLen, MentionKind.Demonstrative) { Head = t.Norm.TrimEnd('s'), SameSource = true };
        }
        var k = i + headLen;
        ActorEntry? nation = null;
        var qualified = false;
        while (k < end)
        {
            if (kb.Nationalities.TryGetValue(tokens[k].Norm, out var n) && !tokens[k].Cap) { nation ??= n; qualified = true; k++; continue; }
            var q = kb.AnonymousQualifiers.Match(tokens, k, end);
            if (q > 0)
            {
                qualified = true;
                k += q;
                // "proches de l'EI", "de Raqqa": a qualifier's complement naming an actor or a place belongs to the description.
                if (Grammar.QualifierWords.Contains(tokens[k - 1].Norm) && k < end && tokens[k].Norm is "de" or "d" or "du" or "des") k = ComplementEnd(tokens, k, end);
                continue;
            }
            break;
        }
        if (!qualified && k + 1 < end && tokens[k].Norm is "de" or "d" && tokens[k + 1].Cap && kb.Places.Match(tokens, k + 1, end, out _) is var pl && pl > 0)
        {
            qualified = true;
            k += 1 + pl;
        }
        // "une source du Hezbollah", "des responsables de l'armée": a named owner gives the source its camp and its name.
        ActorEntry? owner = null;
        if (k + 1 < end && tokens[k].Norm is "du" or "de" or "des" or "d")
        {
            var j = k + 1;
            if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
            if (kb.ActorNames.Match(tokens, j, end, out var owned) is var ol && ol > 0 && owned.Kind is not "person") { owner = owned; k = j + ol; qualified = true; }
        }
        // "la télévision d'État": a head that names the state as its owner is described enough by itself (its country is the
        // story's).
        if (!qualified && headLen > 1 && tokens[i + headLen - 1].Norm == "etat") qualified = true;
        // "Selon la source, …", "a ajouté le témoin": a bare singular head after the definite article continues the source last
        // described with it ("une source du Hezbollah"), as "cette source" does.
        if (!qualified && tokens[i - 1].Norm is "la" or "le" or "l" && !t.Norm.EndsWith('s') && !(k < end && tokens[k].Norm is "de" or "d" or "du" or "des"))
            return new Mention(i - 1, k, MentionKind.Demonstrative) { Head = t.Norm };
        if (!qualified) return null;
        var name = doc.Slice(i, k);
        // A source of an organisation speaks for it (its denials are that organisation's voice, not a claim it answers).
        var entry = new ActorEntry("source-" + Fold.Slug(name), name, "anonymous", owner?.Side ?? owner?.Id ?? nation?.Id, owner?.ActsFor ?? owner?.Id, null, []);
        return new Mention(i, k, MentionKind.Anonymous) { Actor = entry, Head = t.Norm.TrimEnd('s') };
    }

    // "de l'EI", "du régime", "de Damas": a preposition, an optional article and a known name.
    private int ComplementEnd(IReadOnlyList<Token> tokens, int k, int end)
    {
        var j = k + 1;
        if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
        var len = kb.ActorNames.Match(tokens, j, end, out _);
        if (len == 0) len = kb.Places.Match(tokens, j, end, out _);
        return len > 0 ? j + len : k;
    }

    private static IReadOnlySet<string> NotNamesAtStart => Grammar.NotNamesAtStart;
    private static IReadOnlySet<string> TitleModifiers => Grammar.TitleModifiers;

    /// <summary>Length of ", [le|la|l'|son…] [ancien] title" at k (an apposition that names a role), else 0.</summary>
    private int AppositionTitleAt(IReadOnlyList<Token> tokens, int k, int end)
    {
        if (k >= end || tokens[k].Norm != ",") return 0;
        var j = k + 1;
        if (j < end && (Determiners.Contains(tokens[j].Norm) && !Demonstrative(tokens[j].Norm))) j++;
        while (j < end && TitleModifiers.Contains(tokens[j].Norm)) j++;
        if (j >= end) return 0;
        var len = Math.Max(kb.PersonTitles.Match(tokens, j, end), kb.Roles.Match(tokens, j, end, out _));
        return len > 0 ? j + len - k : 0;
    }

    /// <summary>"Prénom Nom, le porte-parole du Pentagone, …": the apposition belongs to the person's mention; it gives
    /// the person's camp (when new) and lets a later "le porte-parole du Pentagone" refer back to them.</summary>
    private void ExtendApposition(Document doc, Mention m, int end, Dictionary<string, ActorEntry> localSurnames, RoleHolders roles)
    {
        var tokens = doc.Tokens;
        var titleLen = AppositionTitleAt(tokens, m.End, end);
        if (titleLen == 0) return;
        var titleStart = m.End + titleLen - 1;
        while (titleStart > m.End && (kb.PersonTitles.Match(tokens, titleStart, end) == 0 && kb.Roles.Match(tokens, titleStart, end, out _) == 0)) titleStart--;
        // A known role of someone else ("…, le chef de la diplomatie russe Sergueï Lavrov") is that person's mention, not an apposition.
        if (kb.Roles.Match(tokens, titleStart, end, out var roleHolder) > 0 && roleHolder.Id != m.Actor!.Id) return;
        var close = -1;
        for (var k = m.End + titleLen; k < Math.Min(end, m.End + titleLen + 12); k++)
        {
            var tk = tokens[k];
            if (tk.Norm == ",") { close = k; break; }
            if (!tk.IsWord && tk.Norm is not ("'" or "-")) return;
            if (kb.Auxiliaries.Contains(tk.Norm) || kb.Verbs.Match(tokens, k, end, out _) > 0) return;
            if (tk.Cap && !kb.NotNames.Contains(tk.Norm))
            {
                var len = kb.ActorNames.Match(tokens, k, end, out var inner);
                if (len == 0) len = kb.Places.Match(tokens, k, end, out _);
                if (len == 0 || inner?.Kind == "person") return;
                k += len - 1;
            }
        }
        if (close < 0) return;
        roles.Remember(RoleKey(tokens, titleStart, close), m.Actor!);
        if (m.Actor!.Side is null && kb.Actor(m.Actor.Id) is null && Affiliation(tokens, titleStart, close) is { } side)
        {
            var updated = m.Actor with { Side = side.Side ?? side.Id };
            localSurnames[Fold.Text(m.Actor.Name.Split(' ')[^1])] = updated;
            roles.Replace(m.Actor, updated);
            m.Actor = updated;
        }
        m.End = close;
        m.Apposed = true;
    }

    private Mention? TitleApposition(Document doc, int i, int titleLen, int end, Dictionary<string, ActorEntry> localSurnames, RoleHolders roles)
    {
        var tokens = doc.Tokens;
        var comma = -1;
        for (var k = i + titleLen; k < Math.Min(end, i + titleLen + 10); k++)
        {
            if (tokens[k].Norm == ",") { comma = k; break; }
            // "un commandant de l'Armée syrienne libre (ASL), Abou Hamza": a short name in parentheses within the title's complement.
            if (tokens[k].Norm == "(" && k + 2 < end && tokens[k + 1].IsWord && tokens[k + 2].Norm == ")") { k += 2; continue; }
            if (!tokens[k].IsWord && tokens[k].Norm is not ("'" or "-")) return null;
        }
        if (comma < 0 || comma + 1 >= end) return null;
        var nameStart = comma + 1;
        // "son porte-parole, le général Igor Konachenkov,": a determiner and a second title open the apposed name.
        if (nameStart + 2 < end && tokens[nameStart].Norm is "le" or "la" or "l" && kb.PersonTitles.Match(tokens, nameStart + 1, end) is var t2 && t2 > 0
            && !tokens[nameStart + 1].Cap && nameStart + 1 + t2 < end && tokens[nameStart + 1 + t2].Cap) nameStart += 1 + t2;
        // "le général Igor Konachenkov" after the comma: the second title is part of the apposition.
        var second = kb.PersonTitles.Match(tokens, nameStart, end);
        if (second > 0 && !tokens[nameStart].Cap && nameStart + second < end && tokens[nameStart + second].Cap) nameStart += second;
        if (!tokens[nameStart].Cap || kb.NotNames.Contains(tokens[nameStart].Norm)) return null;
        var known = kb.ActorNames.Match(tokens, nameStart, end, out var person);
        if (known > 0 && person.Kind != "person") return null;
        var nameEnd = NameRun(doc, nameStart, end);
        if (nameEnd - nameStart < 2 && known == 0) return null;
        if (nameEnd < end && tokens[nameEnd].Norm is not ("," or "." or ";")) return null;
        var side = Affiliation(tokens, i, comma);
        var m = Named(doc, i, nameStart, nameEnd, localSurnames, MentionKind.Name);
        if (side is not null && m.Actor!.Side is null && kb.Actor(m.Actor.Id) is null)
        {
            m.Actor = m.Actor with { Side = side.Side ?? side.Id };
            localSurnames[tokens[nameEnd - 1].Norm] = m.Actor;
        }
        roles.Remember(RoleKey(tokens, i, comma), m.Actor!);
        if (comma - i >= 3) _open.ByDescription[DescriptionKey(tokens, i, comma)] = m.Actor!;
        m.Apposed = true;
        return m;
    }

    private Mention? RoleReference(IReadOnlyList<Token> tokens, int i, int titleLen, int end, RoleHolders roles)
    {
        var k = i + titleLen;
        var stop = k;
        while (stop < end && stop < k + 8 && tokens[stop].IsWord) stop++;
        var key = RoleKey(tokens, i, stop);
        if (key.Of is null) return null;
        var spanEnd = key.End;
        if (roles.Find(key) is { } holder) return new Mention(i, spanEnd, MentionKind.Name) { Actor = holder };
        if (key.Institution is { } institution && key.ByName) return new Mention(i, spanEnd, MentionKind.Role) { Actor = institution };
        return null;
    }

    private Mention? MemberOf(Document doc, int i, int titleLen, int end)
    {
        var tokens = doc.Tokens;
        var k = i + titleLen;
        if (k + 1 >= end || tokens[k].Norm is not ("de" or "d" or "du" or "des")) return null;
        var j = k + 1;
        if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
        var len = kb.ActorNames.Match(tokens, j, end, out var body);
        if (len == 0 || body.Kind is "person" or "armed-group") return null;
        var name = doc.Slice(i, j + len);
        var entry = new ActorEntry("source-" + Fold.Slug(name), name, "anonymous", body.ActsFor ?? body.Side ?? body.Id, null, null, []);
        return new Mention(i, j + len, MentionKind.Anonymous) { Actor = entry, Head = tokens[i].Norm };
    }

    /// <summary>A role as title + the actor it serves ("porte-parole" + Pentagone, "Premier ministre" + Irak).</summary>
    private RoleKey RoleKey(IReadOnlyList<Token> tokens, int start, int end)
    {
        var titleLen = kb.PersonTitles.Match(tokens, start, end);
        if (titleLen == 0) titleLen = 1;
        var title = string.Join(' ', Enumerable.Range(start, titleLen).Select(x => tokens[x].Norm));
        for (var k = start + titleLen; k < end; k++)
        {
            if (kb.Nationalities.TryGetValue(tokens[k].Norm, out var nation) && !tokens[k].Cap && k == start + titleLen)
                return new RoleKey(title, nation.Id, nation, false, k + 1);
            if (tokens[k].Norm is "de" or "d" or "du" or "des" or "la" or "l" or "le" or "les") continue;
            var len = kb.ActorNames.Match(tokens, k, end, out var actor);
            if (len > 0 && actor.Kind != "person") return new RoleKey(title, actor.Id, actor, true, k + len);
            break;
        }
        return new RoleKey(title, null, null, false, start + titleLen);
    }

    private ActorEntry? Affiliation(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (kb.Nationalities.TryGetValue(tokens[k].Norm, out var n) && !tokens[k].Cap) return n;
            var len = kb.ActorNames.Match(tokens, k, end, out var actor);
            if (len > 0 && actor.Kind != "person") return actor;
        }
        return null;
    }

    private static bool Demonstrative(string norm) => norm is "ce" or "cet" or "cette" or "ces";

    private Mention Named(Document doc, int start, int nameStart, int nameEnd, Dictionary<string, ActorEntry> localSurnames, MentionKind kind)
    {
        var tokens = doc.Tokens;
        if (kb.ActorNames.Match(tokens, nameStart, nameEnd, out var known) is var len && len > 0 && known.Kind == "person")
            return new Mention(start, Math.Max(nameEnd, nameStart + len), kind) { Actor = known };
        var surname = tokens[nameEnd - 1].Norm;
        if (nameEnd - nameStart == 1 && localSurnames.TryGetValue(surname, out var local))
            return new Mention(start, nameEnd, kind) { Actor = local };
        var name = doc.Slice(nameStart, nameEnd);
        ActorEntry? side = null;
        for (var k = start; k < nameStart; k++)
            if (kb.Nationalities.TryGetValue(tokens[k].Norm, out var n)) { side = n; break; }
        var entry = new ActorEntry(Fold.Slug(name), name, "person", side?.Id, null, null, []);
        localSurnames[surname] = entry;
        return new Mention(start, nameEnd, kind) { Actor = entry };
    }

    // Capitalised words (and name particles: al-, el-, Le, de) that make up a person's name.
    private int NameRun(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        var k = i;
        while (k < end && k - i < 5)
        {
            var t = tokens[k];
            if (!t.IsWord || t.Kind == TokenKind.Number) break;
            if (t.Cap && !kb.NotNames.Contains(t.Norm) || (k > i && kb.NameParticles.Contains(t.Norm) && k + 1 < end && tokens[k + 1].IsWord && (tokens[k + 1].Cap || tokens[k + 1].HyphenBefore)))
            {
                if (k > i && !t.HyphenBefore && kb.ActorNames.Match(tokens, k, end, out var other) > 0 && other.Kind != "person") break;
                k++;
                continue;
            }
            if (k > i && t.HyphenBefore) { k++; continue; }
            break;
        }
        return k;
    }

    private static bool IsPrepOrDet(Token t) => t.Norm is "de" or "d" or "du" or "des" or "la" or "le" or "l" or "les" or "a" or "au" or "aux" or "et";

    private bool IsLocative(IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0) return false;
        var prev = tokens[i - 1].Norm;
        if (prev is "a" or "vers" or "pres" or "depuis" or "sur" or "contre" or "capitale") return true;
        if (prev is "de" or "d" && i > 1 && (kb.ProvinceWords.Contains(tokens[i - 2].Norm) || tokens[i - 2].Norm is "ville" or "region" or "banlieue" or "pres" or "nord" or "sud" or "est" or "ouest" or "environs")) return true;
        return false;
    }

    public static string? PrepositionBefore(IReadOnlyList<Token> tokens, int start, int sentenceStart)
    {
        var k = start - 1;
        if (k < sentenceStart) return null;
        if (Determiners.Contains(tokens[k].Norm) && k - 1 >= sentenceStart && !tokens[k].Norm.StartsWith('c')) k--;
        else if (Determiners.Contains(tokens[k].Norm)) return null;
        if (k < sentenceStart) return null;
        var p = tokens[k].Norm;
        if (p == "des")
        {
            if (k - 1 < sentenceStart || !tokens[k - 1].IsWord || NotPrepContextForDes.Contains(tokens[k - 1].Norm)) return null;
            return Prepositions.Contains(tokens[k - 1].Norm) ? tokens[k - 1].Norm : "de";
        }
        if (p is "a" && k - 1 >= sentenceStart && tokens[k - 1].Norm is "il" or "elle" or "on" || tokens[k].HyphenBefore) return null;
        return Prepositions.Contains(p) ? p : null;
    }

    /// <summary>Adds the sentence's places from <paramref name="contentStart"/> (past its dateline); actors from <paramref name="firstActor"/> on are the sentence's own. Returns the
    /// last province named so far (carried from sentence to sentence rather than searched for in every place found).</summary>
    private PlaceEntry? FindPlaces(Document doc, Sentence s, int contentStart, List<Mention> actors, int firstActor, List<PlaceMention> places, PlaceEntry? lastProvince)
    {
        var tokens = doc.Tokens;
        var carried = lastProvince;
        var provinceMode = false;
        for (var i = contentStart; i < s.End; i++)
        {
            var t = tokens[i];
            if (kb.ProvinceWords.Contains(t.Norm))
            {
                provinceMode = true;
                // "dans la province" with no name: the province named just before.
                if (i + 1 < s.End && tokens[i + 1].Norm is not ("de" or "d") && t.Norm == "province" && lastProvince is not null && i > 0 && tokens[i - 1].Norm == "la")
                    places.Add(new PlaceMention(i - 1, i + 1, lastProvince));
                continue;
            }
            if (kb.ProvinceAnaphora.Contains(t.Norm) && lastProvince is not null) { provinceMode = true; continue; }
            // "ont mené au moins 30 frappes sur la région", "dans ce secteur" with no name: the province named last (places.json's
            // areaAnaphora; not "dans la région", which is as often the whole Middle East).
            if (lastProvince is not null && kb.AreaAnaphora.Match(tokens, i, s.End) is var al && al > 0 && !(i + al < s.End && tokens[i + al].Norm is "de" or "d" or "du" or "des"))
            {
                places.Add(new PlaceMention(i + 1, i + al, lastProvince));
                i += al - 1;
                continue;
            }
            // "sur la capitale", "dans la capitale": the capital named last.
            if (t.Norm == "capitale" && i > 0 && tokens[i - 1].Norm == "la" && !(i + 1 < s.End && tokens[i + 1].Cap) && _open.LastCapital is { } capital)
            {
                places.Add(new PlaceMention(i - 1, i + 1, capital));
                continue;
            }
            // "bombarder la deuxième ville du pays", "la deuxième ville de Syrie": the country's second city (the country named
            // last, as a place or as a state, for "du pays").
            if (t.Norm == "deuxieme" && i + 2 < s.End && tokens[i + 1].Norm == "ville")
            {
                var k = i + 2;
                PlaceEntry? country = null;
                if (k + 1 < s.End && tokens[k].Norm == "du" && tokens[k + 1].Norm == "pays") { country = LastCountry(actors, i, places); k += 2; }
                else if (k + 1 < s.End && tokens[k].Norm is "de" or "d" && kb.Places.Match(tokens, k + 1, s.End, out var named) is var cl && cl > 0 && named.IsCountry) { country = named; k += 1 + cl; }
                if (country is not null && kb.SecondCities.TryGetValue(country.Id, out var second))
                {
                    places.Add(new PlaceMention(i, k, second));
                    i = k - 1;
                    continue;
                }
            }
            if (!t.IsWord) { if (t.Norm is "." or ";" or ":" or "(") provinceMode = false; continue; }
            if (provinceMode && t.Norm is "de" or "d" or "et" or "ainsi" or "que") continue;
            if (provinceMode && t.Cap)
            {
                var plen = kb.ProvinceNames.Match(tokens, i, s.End, out var province);
                if (plen > 0)
                {
                    places.Add(new PlaceMention(i, i + plen, province));
                    lastProvince = carried = province;
                    i += plen - 1;
                    continue;
                }
            }
            provinceMode = false;
            var len = kb.Places.Match(tokens, i, s.End, out var place);
            if (len == 0)
            {
                if (CoveringActor(actors, firstActor, i) is not null) continue;
                // "les villages de Kafr Zita et Latamneh", "à Kafranbel, Maaret al-Noomane et Saraqeb", "les villages de Hader et
                // d'Al-Eis" (the place noun's "de" said again): a name coordinated with the place just read is a place too.
                var link = i >= 3 && tokens[i - 1].Norm is "de" or "d" && tokens[i - 2].Norm is "et" or "," ? i - 2 : i - 1;
                var coordinated = link >= 1 && tokens[link].Norm is "et" or "," && places.Count > 0 && places[^1].End == link && !places[^1].Place.IsCountry;
                if (OpenPlaceAt(doc, i, s.End, out var openLen, coordinated) is { } open)
                {
                    places.Add(new PlaceMention(i, i + openLen, open));
                    i += openLen - 1;
                }
                continue;
            }
            if (CoveringActor(actors, firstActor, i) is { } covering && covering.Kind != MentionKind.Adjectival && !(covering.Actor?.Kind == "state" && IsLocative(tokens, i))
                && !(place.IsCountry && IsCountryLocative(tokens, i)))
            {
                i += len - 1;
                continue;
            }
            if (place.IsCountry && !IsCountryLocative(tokens, i)) { i += len - 1; continue; }
            places.Add(new PlaceMention(i, i + len, place));
            if (place.Kind == "province") carried = place;
            if (kb.CapitalMetonyms.Contains(tokens[i].Norm)) _open.LastCapital = place;
            i += len - 1;
        }
        return carried;
    }

    // ---- open-class mentions (Data/open-class.json) ----

    /// <summary>The country named last before token <paramref name="at"/>: a state among the actors of the article so far, or a
    /// country place of the sentence.</summary>
    private PlaceEntry? LastCountry(List<Mention> actors, int at, List<PlaceMention> places)
    {
        for (var k = places.Count - 1; k >= 0; k--)
            if (places[k].Start < at && places[k].Place.IsCountry) return places[k].Place;
        for (var k = actors.Count - 1; k >= 0; k--)
            if (actors[k].Start < at && actors[k].Actor is { Kind: "state" } state && kb.SecondCities.ContainsKey(state.Id))
                return new PlaceEntry(state.Id, state.Name, "country", null, null);
        return null;
    }

    /// <summary>Open-class actors met so far in the article, by the folded head that refers back to them ("ministere" → the last ministry).</summary>
    /// <summary>"Le Pakistan a démenti", "Après l'annonce indienne, le Pakistan dément": the mention opens its clause (past a
    /// determiner) and an auxiliary or a reporting verb follows it; an object ("a frappé Beyrouth") is not a subject.</summary>
    private bool IsClauseSubject(Document doc, Mention m, int contentStart, int end)
    {
        var tokens = doc.Tokens;
        var k = m.Start;
        if (k > contentStart && Determiners.Contains(tokens[k - 1].Norm)) k--;
        if (k > contentStart && tokens[k - 1].Norm != ",") return false;
        return m.End < end && (kb.Auxiliaries.Contains(tokens[m.End].Norm) || kb.Verbs.Match(tokens, m.End, end, out _) > 0);
    }

    private sealed class OpenClassMemory
    {
        public Dictionary<string, ActorEntry> ByHead { get; } = new(StringComparer.Ordinal);
        /// <summary>People introduced with a description ("le chef de l'administration militaire, Sergiy Popko"), by its first words.</summary>
        public Dictionary<string, ActorEntry> ByDescription { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ActorEntry> ByAcronym { get; } = new(StringComparer.Ordinal);
        /// <summary>Described sources by their head ("médecin" → "un médecin de l'hôpital"), for "le médecin" later.</summary>
        public Dictionary<string, ActorEntry> DescribedByHead { get; } = new(StringComparer.Ordinal);
        public ActorEntry? LastDescribed { get; set; }
        public ActorEntry? LastSubjectState { get; set; }
        public int LastSubjectStateAt { get; set; } = -1;
        public int LastActingAt { get; set; } = -1;
        /// <summary>The organisation (institution, medium, state) named last: "le communiqué" is its.</summary>
        public ActorEntry? LastOrganisation { get; set; }
        /// <summary>The capital city named last: "la capitale" is it.</summary>
        public PlaceEntry? LastCapital { get; set; }
    }

    private static string DescriptionKey(IReadOnlyList<Token> tokens, int start, int end) =>
        string.Join(' ', Enumerable.Range(start, Math.Min(4, Math.Max(0, end - start))).Select(k => tokens[k].Norm));

    /// <summary>"selon le Wall Street Journal", "les informations du Financial Times": after a singular article, two capitalised
    /// words or more that are no place, no listed actor, no title and no honorific name a body (a newspaper, an organisation) the
    /// knowledge base does not know.</summary>
    private Mention? TitledNameAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || tokens[i - 1].Norm is not ("le" or "la" or "l" or "du" or "au") || !tokens[i].Cap) return null;
        if (kb.PersonTitles.Match(tokens, i, end) > 0 || kb.Honorifics.Contains(tokens[i].Norm)) return null;
        var k = i;
        while (k < end && k - i < 6 && tokens[k].IsWord && tokens[k].Cap && !kb.NotNames.Contains(tokens[k].Norm)
               && kb.Places.Match(tokens, k, end, out _) == 0 && kb.ActorNames.Match(tokens, k, end, out _) == 0) k++;
        if (k - i < 2 || k < end && tokens[k].IsWord && tokens[k].Cap) return null;
        var name = doc.Slice(i, k);
        return new Mention(i, k, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(name), name, "institution", null, null, null, []) };
    }

    private static bool IsDeterminerOrContraction(string norm) => Determiners.Contains(norm) || norm is "du" or "des" or "au" or "aux";

    private Mention? InstitutionAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || !IsDeterminerOrContraction(tokens[i - 1].Norm)) return null;
        var headLen = kb.InstitutionHeads.Match(tokens, i, end, out var head);
        // "les services anti-terroristes du Kurdistan … ces services": a demonstrative and the first word of a head named before
        // take up that institution (the heads met in one article are few).
        if (headLen == 0 && tokens[i - 1].Norm is "ces" or "cette" or "ce" or "cet" && tokens[i].IsWord && !tokens[i].Cap)
        {
            foreach (var (known, actor) in _open.ByHead)
                if (known.Length > tokens[i].Norm.Length && known.StartsWith(tokens[i].Norm + " ", StringComparison.Ordinal))
                    return new Mention(i, i + 1, MentionKind.Name) { Actor = actor };
            return null;
        }
        if (headLen == 0) return null;
        var k = i + headLen;
        ActorEntry? nation = null;
        string? domain = null;
        // "le commandement central américain", "l'état-major général russe": a qualifier of the head before its nationality.
        if (k + 1 < end && kb.InstitutionQualifiers.Contains(tokens[k].Norm) && !tokens[k + 1].Cap && kb.Nationalities.ContainsKey(tokens[k + 1].Norm)) k++;
        if (k < end && !tokens[k].Cap && kb.Nationalities.TryGetValue(tokens[k].Norm, out var n1)) { nation = n1; k++; }
        // "le ministère soudanais de la Défense", "l'armée rwandaise": a nationality the knowledge base does not list still makes
        // the institution specific (it has no state to act for).
        var unlistedNation = false;
        if (nation is null && k < end && LooksLikeNationality(tokens[k]) && !(k + 1 < end && Determiners.Contains(tokens[k + 1].Norm))) { unlistedNation = true; k++; }
        var dl = kb.InstitutionDomains.Match(tokens, k, end, out var d);
        if (dl > 0) { domain = d; k += dl; }
        if (nation is null && k < end && !tokens[k].Cap && kb.Nationalities.TryGetValue(tokens[k].Norm, out var n2)) { nation = n2; k++; }
        var owner = OwnerComplement(doc, k, end);
        // "Le ministère russe de la Défense … Le ministère russe a ajouté": a head and the nation alone take up the institution of
        // that kind and nation named last.
        if (nation is not null && domain is null && owner.End <= k && _open.ByHead.TryGetValue(head, out var sameNation) && (sameNation.ActsFor ?? sameNation.Side) == nation.Id)
            return new Mention(i, k, MentionKind.Name) { Actor = sameNation };
        if (owner.End > k) { nation ??= owner.State; k = owner.End; }
        if (nation is null && domain is null && !unlistedNation && owner.End <= i + headLen)
        {
            // A bare head: the institution of that kind named last in the article; a head of several words ("l'armée de
            // l'air", "l'administration militaire") is specific enough to stand for an institution of its own.
            if (_open.ByHead.TryGetValue(head, out var last))
            {
                // "L'armée indienne a frappé… Le Pakistan a démenti… « … », a accusé l'armée": a bare head of a body acting for a
                // state, after another state was named as the subject since that body, is the new state's (its feminine
                // adjective for a head whose noun is feminine by its ending: armée, marine, défense).
                if (last.ActsFor is { } actsFor && _open.LastSubjectState is { } subjectState && subjectState.Id != actsFor && _open.LastSubjectStateAt > _open.LastActingAt
                    && kb.InstitutionsActingForState.Contains(head) && head.Split(' ')[0].EndsWith('e') && tokens[i - 1].Norm is "l" or "la"
                    && kb.FeminineNationality.TryGetValue(subjectState.Id, out var feminine))
                {
                    var stateArmy = doc.Slice(i, i + headLen) + " " + feminine;
                    var own = new ActorEntry(Fold.Slug(stateArmy), char.ToLowerInvariant(stateArmy[0]) + stateArmy[1..], "institution", subjectState.Side ?? subjectState.Id, subjectState.Id, null, [head]);
                    _open.ByHead[head] = own;
                    return new Mention(i, i + headLen, MentionKind.Name) { Actor = own };
                }
                return new Mention(i, i + headLen, MentionKind.Name) { Actor = last };
            }
            if (headLen < 2) return null;
        }
        // "les autorités d'Erevan", "le gouvernement ukrainien": the state itself speaks.
        if (domain is null && nation is not null && kb.InstitutionsStandingForState.Contains(head))
            return new Mention(i, k, MentionKind.Name) { Actor = nation };
        var name = doc.Slice(i, k);
        var key = domain is null ? head : head + " " + domain;
        var acting = nation is not null && (kb.InstitutionsActingForState.Contains(key) || domain is null && kb.InstitutionsActingForState.Contains(head));
        // "l'armée soudanaise", "le gouvernement éthiopien": a state the knowledge base does not list has no entry to act for, so
        // its army or government strikes in its own name.
        var ownName = nation is null && unlistedNation && domain is null && (kb.InstitutionsActingForState.Contains(head) || kb.InstitutionsStandingForState.Contains(head));
        var entry = new ActorEntry(Fold.Slug(name), char.ToLowerInvariant(name[0]) + name[1..], "institution", nation?.Side ?? nation?.Id, acting ? nation!.Id : null, null,
            ownName ? [head, OwnNameGovernment] : [head]);
        _open.ByHead[head] = entry;
        return new Mention(i, k, MentionKind.Name) { Actor = entry, Head = head };
    }

    private bool LooksLikeNationality(Token t) =>
        t.IsWord && !t.Cap && t.Norm.Length > 4 && !kb.Verbs.Contains(t.Norm) && kb.NationalitySuffixes.Any(x => t.Norm.EndsWith(x, StringComparison.Ordinal))
        && kb.InstitutionDomains.Match([t], 0, 1) == 0 && t.Norm is not ("militaire" or "civile" or "locale" or "nationale" or "publique" or "generale" or "americain");

    /// <summary>"de Kiev", "du Haut-Karabakh", "de la région séparatiste du Haut-Karabakh", "de Gaza": the state or place an
    /// institution belongs to. End is k when there is none.</summary>
    private (int End, ActorEntry? State) OwnerComplement(Document doc, int k, int end)
    {
        var tokens = doc.Tokens;
        var j = k;
        if (j >= end || tokens[j].Norm is not ("de" or "d" or "du" or "des")) return (k, null);
        j++;
        if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
        // "de la région séparatiste du …": a region word and up to two lower-case words, then the owner.
        if (j < end && kb.RegionWords.Contains(tokens[j].Norm))
        {
            var r = j + 1;
            while (r < end && r - j <= 3 && tokens[r].IsWord && !tokens[r].Cap && tokens[r].Norm is not ("de" or "d" or "du" or "des")) r++;
            if (r < end && tokens[r].Norm is "de" or "d" or "du" or "des")
            {
                r++;
                if (r < end && Grammar.DefiniteArticles.Contains(tokens[r].Norm)) r++;
                j = r;
            }
        }
        if (j >= end || !tokens[j].Cap) return (k, null);
        var al = kb.ActorNames.Match(tokens, j, end, out var actor);
        if (al > 0 && actor.Kind != "person") return (j + al, actor.IsState ? actor : kb.Actor(actor.Side ?? "") is { IsState: true } side ? side : null);
        var pl = kb.Places.Match(tokens, j, end, out _);
        if (pl > 0) return (j + pl, null);
        var run = NameRun(doc, j, end);
        return run > j ? (run, null) : (k, null);
    }

    /// <summary>"la chaîne de télévision qatarie Al Jazeera", "l'agence de presse des Houthis « Saba »": a medium by its name.</summary>
    private Mention? MediaAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || !IsDeterminerOrContraction(tokens[i - 1].Norm)) return null;
        var headLen = kb.MediaHeads.Match(tokens, i, end, out _);
        if (headLen == 0) return null;
        var k = i + headLen;
        ActorEntry? side = null;
        for (var guard = 0; k < end && guard < 5; guard++)
        {
            var tk = tokens[k];
            if (tk.IsQuote || tk.Norm == ",") { k++; continue; }
            if (!tk.Cap && kb.Nationalities.TryGetValue(tk.Norm, out var n)) { side ??= n; k++; continue; }
            // "la chaîne TV Al-Jazeera": a link word written in capitals before the name is still no name.
            if (kb.MediaLinkWords.Contains(tk.Norm) && (!tk.Cap || k + 1 < end && tokens[k + 1].Cap)) { k++; continue; }
            break;
        }
        if (k >= end || !tokens[k].Cap || kb.NotNames.Contains(tokens[k].Norm)) return null;
        var al = kb.ActorNames.Match(tokens, k, end, out var known);
        if (al > 0 && known.Kind == "media") return new Mention(i, k + al, MentionKind.Name) { Actor = known };
        // "l'agence de presse des Houthis « Saba »": the owner named after "des" is not the medium; its name may follow.
        if (al > 0 && k > 0 && tokens[k - 1].Norm is "des" or "du" or "de" or "d")
        {
            var n = k + al;
            while (n < end && (tokens[n].IsQuote || tokens[n].Norm == ",")) n++;
            ActorEntry? owned = null;
            var ol = n < end && tokens[n].Cap ? kb.ActorNames.Match(tokens, n, end, out owned) : 0;
            if (ol > 0 && owned!.Kind == "media") return new Mention(i, n + ol < end && tokens[n + ol].IsQuote ? n + ol + 1 : n + ol, MentionKind.Name) { Actor = owned };
            if (n < end && n > k + al && tokens[n - 1].IsQuote && tokens[n].Cap && ol == 0)
            {
                var nameEnd = NameRun(doc, n, end);
                if (nameEnd > n)
                {
                    var quoted = doc.Slice(n, nameEnd);
                    var media = new ActorEntry(Fold.Slug(quoted), quoted, "media", known.Side, null, null, []);
                    return new Mention(i, nameEnd < end && tokens[nameEnd].IsQuote ? nameEnd + 1 : nameEnd, MentionKind.Name) { Actor = media };
                }
            }
            return null;
        }
        if (al > 0) return null; // "la télévision des rebelles Houthis, al-Masirah": the group is not the medium
        var run = NameRun(doc, k, end);
        if (run <= k) return null;
        var name = doc.Slice(k, run);
        var entry = new ActorEntry(Fold.Slug(name), name, "media", side?.Id, null, null, []);
        var close = run < end && tokens[run].IsQuote ? run + 1 : run;
        return new Mention(i, close, MentionKind.Name) { Actor = entry };
    }

    /// <summary>"les forces loyales au Gouvernement d'union nationale (GNA)", "les forces pro-GNA", "des troupes fidèles au régime":
    /// an armed force named by whom it serves (grammar.json loyalForces) is a mention of that actor.</summary>
    private Mention? LoyalForcesAt(Document doc, int i, int end, Dictionary<string, ActorEntry> localSurnames, RoleHolders roles)
    {
        var tokens = doc.Tokens;
        if (i == 0 || !IsDeterminerOrContraction(tokens[i - 1].Norm) || !Grammar.LoyalForceNouns.Contains(tokens[i].Norm)) return null;
        var j = i + 1;
        if (j + 1 < end && Grammar.LoyalWords.Contains(tokens[j].Norm) && tokens[j + 1].Norm is "a" or "au" or "aux") j += 2;
        // "pro-GNA": the hyphen joins the served actor's name to "pro".
        else if (j + 1 < end && tokens[j].Norm == "pro" && tokens[j + 1].HyphenBefore && tokens[j + 1].Cap) j++;
        else return null;
        if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
        if (j >= end || ActorAt(doc, j, end, localSurnames, roles) is not { Actor: { } served } inner || served.Kind is "person" or "anonymous") return null;
        return new Mention(i, inner.End, MentionKind.Name) { Actor = served };
    }

    /// <summary>"de l'ONG Syrian Network", "du groupe Wagner": a preposition, an article, a generic organisation noun, then a name.</summary>
    private bool ComplementNamesOrganisation(IReadOnlyList<Token> tokens, int k, int end)
    {
        var j = k + 1;
        if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
        return j + 1 < end && kb.GenericNouns.ContainsKey(tokens[j].Norm) && tokens[j + 1].Cap && kb.ActorNames.Match(tokens, j + 1, end, out _) == 0;
    }

    /// <summary>At the "de" of a title's complement: whether a person's name follows (a listed person, or a capitalised run of two
    /// words or more that names nothing else) and then, after a comma, another capitalised name: the person served, then the
    /// one who serves ("le conseiller de Bachar al-Assad, Bouthaina Chaabane").</summary>
    private bool ComplementNamesServedPerson(Document doc, int k, int end)
    {
        var tokens = doc.Tokens;
        var j = k + 1;
        if (j >= end || !tokens[j].Cap || kb.NotNames.Contains(tokens[j].Norm) || kb.Places.Match(tokens, j, end, out _) > 0) return false;
        var known = kb.ActorNames.Match(tokens, j, end, out var served);
        if (known > 0 && served.Kind != "person") return false;
        var nameEnd = known > 0 ? Math.Max(j + known, NameRun(doc, j, end)) : NameRun(doc, j, end);
        if (known == 0 && nameEnd - j < 2) return false;
        return nameEnd + 1 < end && tokens[nameEnd].Norm == "," && tokens[nameEnd + 1].Cap && !kb.NotNames.Contains(tokens[nameEnd + 1].Norm);
    }

    /// <summary>"la porte-parole du ministère russe des Affaires étrangères, Maria Zakharova": the institution in a person's title
    /// is the one "le ministère" refers to next.</summary>
    private void RememberInstitutionInTitle(Document doc, Mention m)
    {
        var tokens = doc.Tokens;
        for (var k = m.Start + 1; k < m.End - 1; k++)
            if (IsDeterminerOrContraction(tokens[k - 1].Norm) && kb.InstitutionHeads.Match(tokens, k, m.End, out _) > 0)
            {
                if (InstitutionAt(doc, k, m.End) is { Actor: { } inst } && inst.Kind == "institution") _open.LastOrganisation = inst;
                return;
            }
    }

    /// <summary>"un habitant", "des témoins", "un élu local", "des sources concordantes", "un responsable d'une ONG locale".</summary>
    private Mention? DescriptiveAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || !kb.DescriptiveDeterminers.Contains(tokens[i - 1].Norm)) return null;
        // "Un autre témoin a fait état de…": "autre" between the determiner and the head is part of the description.
        var h = Grammar.DescriptionModifiers.Contains(tokens[i].Norm) && i + 1 < end ? i + 1 : i;
        var headLen = kb.DescriptiveHeads.Match(tokens, h, end, out var head);
        if (headLen == 0) return null;
        var k = h + headLen;
        ActorEntry? nation = null;
        for (var guard = 0; k < end && guard < 4; guard++)
        {
            if (!tokens[k].Cap && kb.Nationalities.TryGetValue(tokens[k].Norm, out var n)) { nation ??= n; k++; continue; }
            var q = kb.DescriptiveQualifiers.Match(tokens, k, end);
            if (q > 0) { k += q; continue; }
            break;
        }
        var name = doc.Slice(i, k);
        // "un haut responsable de l'armée indienne", "un porte-parole militaire des Houthis": a named body after the description
        // gives the source its camp, as "une source du Hezbollah" does (its words are that body's claim). The name stays the
        // description.
        ActorEntry? owner = null;
        if (k + 1 < end && tokens[k].Norm is "du" or "de" or "des" or "d")
        {
            var j = k + 1;
            if (j < end && Grammar.DefiniteArticles.Contains(tokens[j].Norm)) j++;
            if (kb.ActorNames.Match(tokens, j, end, out var owned) > 0 && owned.Kind is not "person" && owned.TargetClass is null) owner = owned;
            // "de l'armée indienne": an institution of a named state.
            else if (InstitutionAt(doc, j, end) is { Actor: { Side: not null } institution }) owner = institution;
        }
        var entry = new ActorEntry("source-" + Fold.Slug(name), name, "anonymous", owner?.Side ?? owner?.Id ?? nation?.Id, owner?.ActsFor ?? owner?.Id, null, []);
        return new Mention(i, k, MentionKind.Anonymous) { Actor = entry, Head = head.TrimEnd('s') };
    }

    /// <summary>"le responsable local", "le médecin" after "un responsable local", "un médecin de l'hôpital": the described source
    /// introduced before, when the definite head has no complement or name of its own ("le responsable de la police", "le médecin
    /// Ahmed X" are someone else). Its qualifiers, when they repeat, belong to the mention.</summary>
    private Mention? DescribedAgain(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || tokens[i - 1].Norm is not ("le" or "la" or "l" or "les") || _open.DescribedByHead.Count == 0) return null;
        var hl = kb.DescriptiveHeads.Match(tokens, i, end, out var head);
        if (hl == 0 || !_open.DescribedByHead.TryGetValue(head.TrimEnd('s'), out var introduced)) return null;
        var k = i + hl;
        for (var guard = 0; k < end && guard < 3; guard++)
        {
            var q = kb.DescriptiveQualifiers.Match(tokens, k, end);
            if (q == 0 && !tokens[k].Cap && kb.Nationalities.ContainsKey(tokens[k].Norm)) q = 1;
            if (q == 0) break;
            k += q;
        }
        if (k < end && (tokens[k].Norm is "de" or "d" or "du" or "des" || tokens[k].Cap)) return null;
        // "le responsable militaire" after "un responsable local" is another one: a qualifier given again must be the source's.
        if (k > i + hl && !Fold.Text(introduced.Name).Contains(Fold.Text(doc.Slice(i + hl, k)), StringComparison.Ordinal)) return null;
        return new Mention(i, k, MentionKind.Name) { Actor = introduced };
    }

    /// <summary>"le chef de l'administration militaire locale", "le porte-parole de l'armée de l'air": a title and a lower-case
    /// complement describe a new person (named by that description), rather than refer to the person named last.</summary>
    private Mention? PersonDescription(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        var tl = kb.PersonDescriptionTitles.Match(tokens, i, end);
        if (tl == 0) tl = kb.PersonTitles.Match(tokens, i, end) is var pt && pt > 0 && k0(i + pt) ? pt : 0;
        if (tl == 0) return null;
        var k = i + tl;
        // "le ministre azerbaïdjanais de la Défense": the nationality gives the person's camp.
        ActorEntry? nation = null;
        if (k < end && !tokens[k].Cap && kb.Nationalities.TryGetValue(tokens[k].Norm, out var n)) { nation = n; k++; }
        // "L'ambassadeur russe à Londres a rejeté…" after a British minister: a title and a nationality with no complement are
        // the person last named only when that person is of that nation; else someone new, described so.
        if (nation is not null && tokens[i - 1].Norm is "le" or "la" or "l" or "du" or "au" && (k >= end || tokens[k].Norm is not ("de" or "d" or "du" or "des")))
        {
            var described = doc.Slice(i, k);
            return new Mention(i, k, MentionKind.GenericRole)
            {
                Head = tokens[i].Norm,
                Described = new ActorEntry(Fold.Slug(described), described, "person", nation.Id, null, null, []),
            };
        }
        if (k + 1 >= end || tokens[k].Norm is not ("de" or "d" or "du" or "des")) return null;
        var e = k + 1;
        while (e < end && e - k < 9 && tokens[e].IsWord && (!tokens[e].Cap || kb.NotNames.Contains(tokens[e].Norm))
               && !kb.Auxiliaries.Contains(tokens[e].Norm) && kb.Verbs.Match(tokens, e, end, out _) == 0
               && !(e > k + 1 && Prepositions.Contains(tokens[e].Norm) && tokens[e].Norm is not ("de" or "d" or "du" or "des"))) e++;
        var stoppedAtPreposition = e < end && e > k + 1 && Prepositions.Contains(tokens[e].Norm);
        // A complement that names a known organisation ("du Pentagone") is a role the knowledge base resolves elsewhere.
        if (!stoppedAtPreposition && e < end && tokens[e].Cap && e - k < 9) return null;
        while (e > k + 1 && tokens[e - 1].Norm is "de" or "d" or "du" or "des" or "la" or "le" or "l" or "les") e--;
        if (e <= k + 1) return null;
        // "le chef de l'administration militaire de la ville" after "le chef de l'administration militaire, Sergiy Popko": the same person.
        if (_open.ByDescription.TryGetValue(DescriptionKey(tokens, i, e), out var known)) return new Mention(i, e, MentionKind.Name) { Actor = known };
        var name = doc.Slice(i, e);
        var entry = new ActorEntry(Fold.Slug(name), name, "person", nation?.Id, null, null, []);
        return new Mention(i, e, MentionKind.Name) { Actor = entry };

        // A title followed by a nationality adjective ("ministre azerbaïdjanais") describes someone too.
        bool k0(int at) => at < end && !tokens[at].Cap && kb.Nationalities.ContainsKey(tokens[at].Norm);
    }

    /// <summary>A capitalised name after a place introducer ("à", "près de", "la ville de", "le mont") that neither the gazetteer
    /// nor the actors know: a place with a stable id.</summary>
    private PlaceEntry? OpenPlaceAt(Document doc, int i, int end, out int length, bool coordinated = false)
    {
        var tokens = doc.Tokens;
        length = 0;
        if (!tokens[i].Cap || kb.NotNames.Contains(tokens[i].Norm) || kb.NotPlaces.Contains(tokens[i].Norm) || kb.Weekdays.ContainsKey(tokens[i].Norm) || kb.Months.ContainsKey(tokens[i].Norm)) return null;
        string? noun = null;
        var introduced = coordinated;
        for (var j = i - 1; j >= Math.Max(0, i - 4) && !introduced; j--)
        {
            if (kb.PlaceNouns.Match(tokens, j, i, out var n) == i - j) { introduced = true; noun = n; }
            else if (kb.PlacePrepositions.Match(tokens, j, i) == i - j) introduced = true;
        }
        // "la région ukrainienne de Zaporiyia", "la banlieue sud de Beyrouth", "la métropole israélienne Tel-Aviv": a place noun's
        // head with one or two lower-case qualifiers before its "de" (or a nationality before the name itself).
        if (!introduced) introduced = QualifiedPlaceNoun(tokens, i, out noun);
        // "a visé Tovuz", "ont bombardé Kherson", "ont frappé mercredi Tal Bisseh": the object of a strike verb.
        if (!introduced && StrikeObject(tokens, i)) introduced = true;
        if (!introduced) return null;
        var run = NameRun(doc, i, end);
        if (run <= i) return null;
        length = run - i;
        var name = doc.Slice(i, run);
        var kind = noun is not null && kb.PlaceKinds.TryGetValue(noun.Split(' ')[0], out var k) ? k : "town";
        return new PlaceEntry("lieu-" + Fold.Slug(name), name, kind, null, null);
    }

    /// <summary>"la coalition internationale sous commandement saoudien", "la coalition … dirigée par l'Arabie saoudite": when the
    /// actor is one of several a generic noun may mean, a leader named just after it picks the one on that leader's side.</summary>
    private ActorEntry? LedBy(IReadOnlyList<Token> tokens, int after, int end, ActorEntry named)
    {
        foreach (var noun in named.GenericNouns)
        {
            if (!kb.GenericNouns.TryGetValue(noun, out var candidates) || candidates.Count < 2) continue;
            for (var k = after; k < Math.Min(end, after + 4); k++)
            {
                if (tokens[k].Norm is "," or ";" or "." or "qui" or "et") return null;
                if (!kb.LeaderWords.Contains(tokens[k].Norm)) continue;
                for (var j = k + 1; j < Math.Min(end, k + 5); j++)
                {
                    var leader = kb.Nationalities.GetValueOrDefault(tokens[j].Norm)
                        ?? (kb.ActorNames.Match(tokens, j, end, out var a) > 0 && a.Kind == "state" ? a : null);
                    if (leader is null) continue;
                    var side = leader.Side ?? leader.Id;
                    return candidates.FirstOrDefault(c => c.Side == side && c.Id != named.Id) is { } led && named.Side != side ? led : null;
                }
                return null;
            }
        }
        return null;
    }

    private bool QualifiedPlaceNoun(IReadOnlyList<Token> tokens, int i, out string? noun)
    {
        noun = null;
        var de = i > 0 && tokens[i - 1].Norm is "de" or "d";
        var last = de ? i - 2 : i - 1;
        for (var j = last; j >= Math.Max(0, last - 1); j--)
        {
            var w = tokens[j];
            if (!w.IsWord || w.Cap || w.Kind == TokenKind.Number || Prepositions.Contains(w.Norm) || Determiners.Contains(w.Norm)) return false;
            if (!de && !kb.Nationalities.ContainsKey(w.Norm)) return false;
            if (j > 0 && kb.PlaceNounHeads.Contains(tokens[j - 1].Norm)) { noun = tokens[j - 1].Norm; return true; }
        }
        return false;
    }

    private Mention? OrganisationWithAcronymAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (!tokens[i].Cap || Prepositions.Contains(tokens[i].Norm) || Determiners.Contains(tokens[i].Norm)) return null;
        var k = i + 1;
        while (k < end && k - i < 8 && tokens[k].IsWord) k++;
        if (k + 2 >= end || tokens[k].Norm != "(" || tokens[k + 2].Norm != ")" || k - i < 2) return null;
        // "Le Commandement central américain (Centcom)": after an institution's head, a capitalised word that is neither a
        // place nor an actor is its short name too, whatever its case.
        var headLen = kb.InstitutionHeads.Match(tokens, i, k, out var head);
        var acronym = AcronymAt(doc, k + 1, headLen > 0);
        if (acronym is null) return null;
        var name = doc.Slice(i, k);
        var known = kb.ActorNames.Match(tokens, k + 1, k + 2, out var listed) > 0 ? listed : null;
        var entry = known ?? NamedOrganisation(tokens, i, k, name, acronym, headLen > 0 ? head : null);
        _open.ByAcronym[acronym] = entry;
        return new Mention(i, k + 3, MentionKind.Name) { Actor = entry };
    }

    /// <summary>"la Société médicale syro-américaine a affirmé", "le Réseau syrien des droits de l'homme", "le Comité international
    /// de la Croix-Rouge": an NGO's capitalised head (open-class.json organisationHeads) after an article, with the rest of its
    /// name up to the verb, is an organisation the knowledge base does not list ("l'ONG" takes it up later). A head with no word
    /// of its own after it ("l'Organisation a indiqué") is a back-reference, read elsewhere. Its camp is its own: the head does not
    /// say whose side it takes ("l'Union nationale Karen").</summary>
    private Mention? NamedNgoAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i == 0 || !kb.OrganisationHeads.Contains(tokens[i].Norm) || tokens[i - 1].Norm is not ("l" or "le" or "la" or "les")
            || kb.InstitutionHeads.Match(tokens, i, end, out _) > 0) return null;
        var last = i;
        for (var k = i + 1; k < end && k - i <= 12; k++)
        {
            var t = tokens[k];
            if (t.Norm is "'" or "’" or "-" or "de" or "d" or "du" or "des") continue;
            // "des droits de l'homme": an article only right after the complement's "de".
            if (Grammar.DefiniteArticles.Contains(t.Norm) && tokens[k - 1].Norm is "de" or "d" or "'" or "’") continue;
            // "l'Union des organisations de secours et de soins médicaux": a complement coordinated by "et de" is the name's too.
            if (t.Norm == "et" && k + 1 < end && tokens[k + 1].Norm is "de" or "d" or "du" or "des") continue;
            // The name ends before another preposition or determiner ("l'Union nationale Karen dans un communiqué"), a relative, a verb.
            if (!t.IsWord || Prepositions.Contains(t.Norm) || Determiners.Contains(t.Norm) || t.Norm is "qui" or "que" or "qu" or "et"
                || kb.Auxiliaries.Contains(t.Norm) || kb.Verbs.Match(tokens, k, end, out _) > 0) break;
            last = k;
        }
        if (last == i) return null;
        var name = doc.Slice(i, last + 1);
        return new Mention(i, last + 1, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(name), name, "institution", null, null, null, ["ONG", "organisation"]) };
    }

    /// <summary>The short name in "(…)" at k: letters or digits, capitalised, with two capitals ("HRW", "CentCom", "ANL"), or
    /// any capitalised word after an institution's head; never a known place ("Idleb (Syrie)").</summary>
    private string? AcronymAt(Document doc, int k, bool afterInstitutionHead)
    {
        var tokens = doc.Tokens;
        var t = tokens[k];
        if (!t.IsWord || !t.Cap) return null;
        var text = doc.Text.Substring(t.Start, t.End - t.Start);
        if (text.Length < 2 || text.Length > 10 || !text.All(char.IsLetterOrDigit)) return null;
        if (kb.Places.Match(tokens, k, k + 1, out _) > 0 || kb.Directions.Contains(t.Norm)) return null;
        return text.Count(char.IsUpper) >= 2 || afterInstitutionHead ? text : null;
    }

    /// <summary>An organisation named in full with its short name: a military command or force with a nationality in its name
    /// ("Commandement central des forces américaines") acts for that state; a government or an armed force named in its own right
    /// ("Gouvernement libyen d'union nationale", "Armée nationale libyenne") strikes in its own name.</summary>
    private ActorEntry NamedOrganisation(IReadOnlyList<Token> tokens, int start, int end, string name, string acronym, string? head)
    {
        ActorEntry? nation = null;
        for (var j = start; j < end && nation is null; j++)
            if (!tokens[j].Cap && kb.Nationalities.TryGetValue(tokens[j].Norm, out var n)) nation = n;
        // "Commandement des États-Unis en Afrique (Africom)", "Forces de défense d'Israël (FDI)": a state named as the name's
        // complement is its camp too, as a nationality adjective is.
        for (var j = start + 1; j < end && nation is null; j++)
            if (tokens[j - 1].Norm is "de" or "d" or "du" or "des" && kb.ActorNames.Match(tokens, j, end, out var named) > 0 && named.IsState) nation = named;
        var acting = head is not null && nation is not null && kb.InstitutionsActingForState.Contains(head) && !kb.InstitutionsStandingForState.Contains(head);
        var nouns = head is not null && (kb.InstitutionsActingForState.Contains(head) || kb.InstitutionsStandingForState.Contains(head)) ? new[] { head, OwnNameGovernment } : [];
        return new ActorEntry(Fold.Slug(acronym), name, "institution", nation?.Side ?? nation?.Id, acting ? nation!.Id : null, null, acting ? [head!] : nouns);
    }

    /// <summary>Marks a government or force named in its own right: it strikes in its own name (<see cref="ActorEntry.GenericNouns"/>).</summary>
    public const string OwnNameGovernment = "(own name)";

    /// <summary>"le ministère russe de la Défense (MoD)", "l'Observatoire syrien des droits de l'homme (OSDH)": the short name
    /// after any mention refers to the same actor later.</summary>
    private void RememberShortName(Document doc, Mention m, int end)
    {
        var tokens = doc.Tokens;
        if (m.Actor is not { } actor) return;
        // "le commandement militaire américain pour le Moyen-Orient (Centcom)": a few words of complement may come between.
        var open = m.End;
        while (open < end && open < m.End + 6 && (tokens[open].IsWord || tokens[open].Norm is "'" or "-")) open++;
        if (open + 2 >= end || tokens[open].Norm != "(" || tokens[open + 2].Norm != ")") return;
        var headed = actor.Kind is "institution" or "media" or "state" or "armed-group";
        if (AcronymAt(doc, open + 1, headed) is { } acronym && !_open.ByAcronym.ContainsKey(acronym)) _open.ByAcronym[acronym] = actor;
    }

    private Mention? UnlistedSubjectAfterArticle(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (!t.Cap || t.Kind == TokenKind.Number || i == 0 || tokens[i - 1].Norm is not ("le" or "la" or "l") || kb.NotNames.Contains(t.Norm) || NotNamesAtStart.Contains(t.Norm)
            || kb.Weekdays.ContainsKey(t.Norm) || kb.Months.ContainsKey(t.Norm) || kb.NotPlaces.Contains(t.Norm) || kb.Places.Match(tokens, i, i + 1, out _) > 0) return null;
        var opener = i - 1;
        if (!(opener == 0 || tokens[opener - 1].Norm is "." or "!" or "?" or ":" || tokens[opener - 1].IsQuote))
            return InvertedUnlistedSubject(doc, i, opener, end);
        if (i + 1 >= end || tokens[i + 1].Cap || !(kb.Auxiliaries.Contains(tokens[i + 1].Norm) || kb.Verbs.Match(tokens, i + 1, end, out _) > 0)) return null;
        var name = doc.Slice(i, i + 1);
        return new Mention(i, i + 1, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(name), name, "unknown", null, null, null, []) };
    }

    /// <summary>"« … », a indiqué l'Unicef", "assurait mardi la République du Haut-Karabakh": a body the knowledge base does not
    /// list, named after the article that follows an incise's reporting verb (a few time words may stand between).</summary>
    private Mention? InvertedUnlistedSubject(Document doc, int i, int opener, int end)
    {
        var tokens = doc.Tokens;
        var p = opener - 1;
        for (var skipped = 0; p > 0 && skipped < 3 && (tokens[p].Kind == TokenKind.Number || kb.Weekdays.ContainsKey(tokens[p].Norm) || kb.Months.ContainsKey(tokens[p].Norm)
                 || Grammar.TimeWordsBeforeContent.Contains(tokens[p].Norm)); skipped++) p--;
        var verbEnds = false;
        for (var q = Math.Max(0, p - 2); q <= p && !verbEnds; q++) verbEnds = kb.Verbs.Match(tokens, q, p + 1, out _) == p + 1 - q;
        if (!verbEnds) return null;
        // The incise follows the words: a comma or a quotation before the verb (and its auxiliary).
        var v = p;
        while (v > 0 && v > p - 4 && tokens[v - 1].Norm != "," && !tokens[v - 1].IsQuote) v--;
        if (v == 0 || !(tokens[v - 1].Norm == "," || tokens[v - 1].IsQuote)) return null;
        var run = NameRun(doc, i, end);
        // "la République du Haut-Karabakh": a capitalised complement belongs to the name.
        if (run + 1 < end && tokens[run].Norm is "du" or "de" or "des" && tokens[run + 1].Cap) run = NameRun(doc, run + 1, end);
        // "l'Union nationale Karen", "l'Armée nationale libyenne": a lower-case adjective between capitalised words of the name.
        else if (run + 1 < end && tokens[run].IsWord && !tokens[run].Cap && !Prepositions.Contains(tokens[run].Norm) && !Determiners.Contains(tokens[run].Norm)
                 && tokens[run].Norm is not ("et" or "ou" or "qui" or "que") && tokens[run + 1].Cap && tokens[run + 1].IsWord && !kb.Auxiliaries.Contains(tokens[run].Norm))
            run = NameRun(doc, run + 1, end);
        if (run - i > 5 || run < end && tokens[run].IsWord && !Prepositions.Contains(tokens[run].Norm)) return null;
        for (var k = i; k < run; k++) if (kb.ActorNames.Match(tokens, k, run, out _) > 0) return null;
        var name = doc.Slice(i, run);
        return new Mention(i, run, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(name), name, "unknown", null, null, null, []) };
    }

    private Mention? UnknownPersonAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (!t.Cap || t.Kind == TokenKind.Number || kb.NotNames.Contains(t.Norm) || NotNamesAtStart.Contains(t.Norm) || Prepositions.Contains(t.Norm) || Determiners.Contains(t.Norm)
            || kb.Weekdays.ContainsKey(t.Norm) || kb.Months.ContainsKey(t.Norm) || kb.NotPlaces.Contains(t.Norm)) return null;
        // "Selon Hadi al-Bahra, …", "d'après CNN, …": after a source preposition a name is the source, not a place or a complement.
        var source = i > 0 && (tokens[i - 1].Norm == "selon" || tokens[i - 1].Norm == "apres" && i > 1 && tokens[i - 2].Norm == "d");
        if (i > 0 && !source && (Prepositions.Contains(tokens[i - 1].Norm) || IsDeterminerOrContraction(tokens[i - 1].Norm) || tokens[i - 1].Norm is "-" or "(" || tokens[i - 1].IsQuote)) return null;
        var run = NameRun(doc, i, end);
        var sourceHead = source && run < end && tokens[run].Norm == ",";
        // One capitalised word is an actor only as a subject ("Abuja a réfuté", "Kigali dément"): a verb or auxiliary follows.
        var subject = run < end && (kb.Auxiliaries.Contains(tokens[run].Norm) || kb.Verbs.Match(tokens, run, end, out _) > 0)
            // "Abuja et Niamey affirment": a capital coordinated to another capital before the verb.
            || run + 2 < end && tokens[run].Norm == "et" && tokens[run + 1].Cap && kb.CapitalStates.ContainsKey(t.Norm) && kb.CapitalStates.ContainsKey(tokens[run + 1].Norm)
               && (kb.Auxiliaries.Contains(tokens[run + 2].Norm) || kb.Verbs.Match(tokens, run + 2, end, out _) > 0);
        // "Washington et Kinshasa affirment": a capital coordinated to a name before it is part of the subject too.
        var coordinatedCapital = i > 1 && tokens[i - 1].Norm == "et" && tokens[i - 2].Cap && tokens[i - 2].IsWord && kb.CapitalStates.ContainsKey(t.Norm);
        if (run - i == 1 && (subject && (!(i > 0 && tokens[i - 1].IsWord && !tokens[i - 1].Cap) || coordinatedCapital) || sourceHead))
        {
            var single = doc.Slice(i, run);
            // "Islamabad a démenti", "Abuja dément": a capital as the subject of a verb stands for its state.
            if (kb.CapitalStates.TryGetValue(t.Norm, out var capitalOf)) return new Mention(i, run, MentionKind.Name) { Actor = capitalOf };
            return new Mention(i, run, MentionKind.Name) { Actor = new ActorEntry(Fold.Slug(single), single, "unknown", null, null, null, []) };
        }
        if (run - i < 2 || run - i > 4) return null;
        for (var k = i; k < run; k++)
            if (kb.Places.Match(tokens, k, run, out _) > 0 || kb.ActorNames.Match(tokens, k, run, out _) > 0) return null;
        // "ont bombardé Kafr Zita": what a strike verb hits is a place (OpenPlaceAt), not a person.
        if (StrikeObject(tokens, i)) return null;
        // At a sentence's start the name must be a subject: a verb, an auxiliary or an apposition follows.
        var sentenceStart = i == 0 || tokens[i - 1].Norm is "." or "!" or "?" or ":" || tokens[i - 1].IsQuote;
        if (sentenceStart && !(run < end && (tokens[run].Norm == "," || kb.Auxiliaries.Contains(tokens[run].Norm) || kb.Verbs.Match(tokens, run, end, out _) > 0))) return null;
        var name = doc.Slice(i, run);
        var entry = new ActorEntry(Fold.Slug(name), name, "person", null, null, null, []);
        return new Mention(i, run, MentionKind.Name) { Actor = entry };
    }

    /// <summary>The name at <paramref name="i"/> is the object of a strike verb before it, past a few time words ("a visé Tovuz",
    /// "ont frappé mercredi soir Tal Bisseh").</summary>
    private bool StrikeObject(IReadOnlyList<Token> tokens, int i)
    {
        var j = i - 1;
        while (j >= 0 && i - j <= 3 && (Grammar.TimeWordsBeforeContent.Contains(tokens[j].Norm) || kb.Weekdays.ContainsKey(tokens[j].Norm))) j--;
        return j >= 0 && kb.StrikeVerbs.Match(tokens, j, j + 1, out _) == 1;
    }

    private static Mention? CoveringActor(List<Mention> actors, int from, int token)
    {
        for (var k = from; k < actors.Count; k++) if (actors[k].Start <= token && token < actors[k].End) return actors[k];
        return null;
    }

    private bool IsCountryLocative(IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0) return false;
        var p = tokens[i - 1].Norm;
        if (p is "en" or "au" or "aux" or "vers" or "depuis") return true;
        // "dans le sud-ouest du Yémen", "au nord de l'Irak": a part of the country.
        var d = p is "du" or "d" ? i - 2 : p is "l" && i > 2 && tokens[i - 2].Norm == "de" ? i - 3 : -1;
        if (d >= 0 && kb.Directions.Contains(tokens[d].Norm)) return true;
        // "ont visé l'Ukraine", "a frappé l'Arménie": the country as the object of a targeting verb.
        return i > 1 && p is "la" or "l" && (tokens[i - 2].Norm is "sur" or "dans" or "vers" or "survole" or "survolé" or "de" or "contre" || kb.StrikeVerbs.Match(tokens, i - 2, i - 1, out _) > 0);
    }
}

/// <summary>A role: its title and the actor it serves. ByName: the actor is named ("du Pentagone"), not an adjective.</summary>
internal readonly record struct RoleKey(string Title, string? Of, ActorEntry? Institution, bool ByName, int End);

/// <summary>Who holds which role in the article read so far ("le porte-parole du Pentagone" → Peter Cook).</summary>
internal sealed class RoleHolders
{
    private readonly Dictionary<(string, string), ActorEntry> _holders = new();
    public void Remember(RoleKey key, ActorEntry person) { if (key.Of is { } of) _holders[(key.Title, of)] = person; }
    public ActorEntry? Find(RoleKey key) => key.Of is { } of && _holders.TryGetValue((key.Title, of), out var p) ? p : null;
    public void Replace(ActorEntry old, ActorEntry updated)
    {
        foreach (var k in _holders.Where(kv => ReferenceEquals(kv.Value, old)).Select(kv => kv.Key).ToList()) _holders[k] = updated;
    }
}
