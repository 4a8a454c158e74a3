using Claims.Extraction.Knowledge;
using Claims.Extraction.Statements;
using Claims.Extraction.Text;
using static Claims.Extraction.Mentions.Voices;

namespace Claims.Extraction.Disputes;

/// <summary>Finds disputes: a contesting verb (balayer, démentir, nier, rejeter, contester, réfuter…) aimed at named
/// accusers or an actor; and accusations that the striker hits other than what it claims (a contrasted or negated stance
/// from outside the striker's camp: "ne ciblent pas principalement l'EI, mais d'autres groupes").</summary>
public sealed class DisputeReader(ArticleContext ctx, List<StatementDraft> drafts, StanceReader stances)
{
    // From the cue or the words, whichever comes first, to the end of the sentence: the words of a judgement, a call or a
    // negation that disputes without words of its own.
    private Span ToSentenceEnd(StatementDraft d) =>
        Trim(new Span(_t[Math.Min(d.ContentStart, d.Cue.RegionStart)].Start, _t[ctx.Doc.Sentences[d.Sentence].End - 1].End));

    private readonly List<Token> _t = ctx.Tokens;

    public IReadOnlyList<Dispute> Read()
    {
        var kb = ctx.Kb;
        var found = new List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)>();
        // Owners named together with the claim's owner ("publiées par cette organisation et par la Défense civile syrienne"): the
        // same dispute with each, kept wherever the dispute itself is kept.
        var coOwned = new List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)>();
        // Disputes carried by a judgement rather than a contesting verb ("« Les rumeurs … ne sont en rien fondées », a-t-il
        // déclaré"): right after the same voice's explicit dispute they tell it again.
        var judged = new HashSet<Span>();
        // Accusations ("les accusations de X selon lesquelles…") by sentence: a dispute looks only at its own sentence's.
        var accusationsBySentence = drafts.Where(x => x.Cue.Kind == CueKind.Accusation).ToLookup(x => x.Sentence);
        // A judgement on d's words: one dispute of the disputant with each party outside its camp, over the words to the
        // sentence's end, which are marked judged.
        void Judge(StatementDraft d, ActorEntry disputant, IEnumerable<ActorEntry> parties, Func<ActorEntry, string> claimOf)
        {
            var span = ToSentenceEnd(d);
            judged.Add(span);
            foreach (var party in parties.DistinctBy(a => a.Id))
                if (!SameCamp(party, disputant)) found.Add((disputant, party, claimOf(party), span, Dispute.ClaimContested));
        }
        // A voice contesting the claims told before it: the claim is the last one told.
        void Contest(StatementDraft d, IReadOnlyList<StatementDraft> claims) => Judge(d, d.Speaker, claims.Select(c => c.Speaker), _ => claims[^1].Text);
        for (var di = 0; di < drafts.Count; di++)
        {
            var d = drafts[di];
            if ((di & 63) == 0) ctx.Cancellation.ThrowIfCancellationRequested();
            if (d.Cue.Derived) continue;
            var reference = ClaimReference.Match(_t, d.ContentStart, d.ContentEnd, kb, out var anaphoric);
            // "a jugé « erronées » les affirmations de l'OSDH", "a qualifié de « mensongères » les informations de Reuters": the
            // judgement placed before the claim noun it judges; the claim is read from that noun on.
            var judgedBefore = false;
            if (reference < 0 && d.Cue.Verb is { } judgingFirst && kb.JudgementVerbs.Contains(judgingFirst.Lemma)
                && JudgementBeforeNoun(d, out var beforeAnaphoric) is var nounEnd && nounEnd >= 0)
                (reference, anaphoric, judgedBefore) = (nounEnd, beforeAnaphoric, true);
            // "ces accusations sont « de la pure propagande »", "a jugé ces affirmations « invérifiables »", "les allégations
            // consécutives à la frappe relèvent de la désinformation", "a qualifié de « propagande » les informations…"
            // Words that open with the claim they judge ("toutes les informations publiées par cette organisation et par … sont
            // « fausses »") may hold a long subject before the judgement.
            var judgedReach = reference >= 0 ? 45 : 25;
            var unfoundedWord = WordWithin(kb.Unfounded, d, judgedReach, readToEnd: true);
            // "L'Ukraine dénonce « une opération de communication »": a judgement that is the very object of the verb.
            var judgedAsObject = WordWithin(kb.Unfounded, d, ObjectJudgementReach(d), readToEnd: true)
                && (ObjectLength(d) <= 12 || judgedBefore) && d.Cue.Verb is { } judging && kb.JudgementVerbs.Contains(judging.Lemma);
            // "les affirmations israéliennes visent simplement à relever le moral de leur armée": giving the claims an ulterior purpose
            // judges them as an unfounded word does.
            var motive = reference >= 0 && ImputesMotive(reference, Math.Min(d.ContentEnd, reference + 6));
            var judgedUnfounded = unfoundedWord && (reference >= 0 || d.Cue.Verb is { } naming && kb.NamingVerbs.Contains(naming.Lemma)) || judgedAsObject || motive;
            if (d.Cue.Verb is not { Dispute: true } && !judgedUnfounded)
            {
                // "a appelé à une enquête internationale sur les cibles des frappes russes": calling for an inquiry into
                // someone's strikes contests their account of them. This and the next (a charge of exaggerating or lying) are not
                // judgements: they are not marked judged, so the same voice's dispute just before drops them only when it is with
                // the same party; and only the speaker itself is set aside as a party, not its camp.
                if (!d.PointsBack && d.Cue.Verb?.Lemma is { } lemma && kb.CallVerbs.Contains(lemma) && InquiryInto(d) is { } striker && striker.Id != d.Speaker.Id)
                {
                    var call = ToSentenceEnd(d);
                    found.Add((d.Speaker, striker, d.Text, call, Dispute.ClaimContested));
                    continue;
                }
                // "« La coalition n'a jamais visé de civils », a déclaré son porte-parole": a negated strike answering the
                // accusation made before on the same matter (it must share words with it) disputes it.
                // "a affirmé que le ministère exagère le bilan": the speaker discredits whoever is said to exaggerate or lie.
                if (!d.PointsBack && Discredited(d) is var (discredited, _) && discredited is not null && discredited.Id != d.Speaker.Id)
                {
                    var accusation = ToSentenceEnd(d);
                    found.Add((d.Speaker, discredited, d.Text, accusation, Dispute.ClaimContested));
                    continue;
                }
                // "qu'il s'agissait d'une erreur, une explication jugée peu crédible par l'Otan": a judgement with its own agent
                // is that agent's, against the speaker whose words it follows.
                if (!d.PointsBack && JudgeByAgent(d) is { } judge && judge.Id != d.Speaker.Id && !SameCamp(judge, d.Speaker))
                {
                    Judge(d, judge, [d.Speaker], _ => d.Text);
                    continue;
                }
                // "Ce n'était pas un accident, a répliqué X", "ont jugé l'explication russe peu crédible": a judgement rejecting the
                // account just reported by someone else (the one sharing its words or its striker, else the last one).
                // The account's owner named in the words ("l'explication russe", "la version de Moscou") is the party.
                if (!d.PointsBack && RejectsAccount(d)
                    && (AccountOwner(d) is { } owner
                        // The account rejected is an explanation told before, not another voice's rejection of it ("Ce n'est pas
                        // un accident", a-t-il rétorqué; then X "a estimé que la violation ne semblait pas accidentelle").
                        ? [owner]
                        // An excuse told before ("une erreur due au mauvais temps") is the account a judgement of accident rejects,
                        // before any claim that merely shares its words ("la violation" a government protested against).
                        : PreviousClaims(d, di, accept: c => GivesExcuse(c) && !RejectsAccount(c) && !SameCamp(c.Speaker, d.Speaker)) is { Count: > 0 } excuses
                        ? excuses.Select(c => c.Speaker).ToList()
                        : PreviousClaims(d, di, accept: c => !RejectsAccount(c) && !RejectionsBySentence[c.Sentence].Any(x => x.Speaker.Id == c.Speaker.Id)).Select(c => c.Speaker).ToList()) is { Count: > 0 } rejected)
                {
                    // Each party's claim is its own told before, else the words judged. The voices speaking together with the
                    // speaker are not parties.
                    var told = PreviousClaims(d, di, sharedWordsOnly: true);
                    Judge(d, d.Speaker, rejected.Where(party => !d.Cue.Speakers.Any(co => co.Id == party.Id)),
                        party => told.LastOrDefault(c => c.Speaker.Id == party.Id)?.Text ?? d.Text);
                    continue;
                }
                // "Ankara a dénoncé une violation délibérée… Moscou a assuré qu'il s'agissait d'une erreur de navigation": an excuse
                // (an error, an accident) answers the charge, told just before by another camp, that the act was deliberate.
                if (!d.PointsBack && !RejectsAccount(d) && GivesExcuse(d)
                    && PreviousClaims(d, di, accept: RejectsAccount) is { Count: > 0 } charges)
                {
                    Contest(d, charges);
                    continue;
                }
                // "« Nos avions n'ont porté aucune frappe contre Idlib », a indiqué X, commentant l'information de Reuters d'après
                // laquelle…": the report named in the same sentence is the one answered, when none before shares its words.
                // Never the negation's own camp ("Le ministère a déclaré que l'aviation n'a pas mené de frappes", then its
                // spokesman's own denial).
                // "Les frappes russes « ne visent pas Daech », a dénoncé X": a negated target from outside the striker's camp is
                // a stance on whom the strikes hit (read below against the striker), not a denial answering the claim before.
                if (!d.PointsBack && NegatesAStrike(d) && !(stances.ByStatement.TryGetValue(d, out var negatedStance) && !negatedStance.FromStrikerSide && negatedStance.Position == TargetStance.Opposition)
                    && (PreviousClaims(d, di, sharedWordsOnly: true) is { Count: > 0 } before ? before
                        : accusationsBySentence[d.Sentence].Where(x => x.Cue.RegionStart > d.Cue.RegionStart).ToList() is { Count: > 0 } commented ? commented
                        : FollowingClaims(d, di)) is { Count: > 0 } answered)
                {
                    Contest(d, answered);
                }
                // "« Il n'y avait aucun civil dans l'école », a déclaré l'armée", "« La France n'a pas de mercenaires en Ukraine »":
                // denying that what another's claim told was there (or was had) disputes that claim: the claim before, from
                // another camp, that names what is denied.
                // Words from outside the striker's camp on whom the strikes hit ("il n'y avait aucune position de l'EI") are read as
                // a stance against the striker, below.
                else if (!d.PointsBack && !ReadAsStance(d) && DeniedPresence(d) is { } denied
                    && PreviousClaims(d, di, sharedWordsOnly: true, accept: c => !SameCamp(c.Speaker, d.Speaker) && SentenceWords(c.Sentence).Overlaps(denied)) is { Count: > 0 } told)
                {
                    Contest(d, told);
                }
                // "Le ministère a annoncé avoir frappé des positions de l'EI à Talbisseh. Selon des militants, l'EI n'est pas présent
                // dans cette zone": a group said not to be where another camp's claim just before placed it disputes that claim.
                // Words that go on to tell the strikes there ("…, où les frappes ont touché des rebelles modérés") are another
                // account of the strike, read against it as such.
                else if (!d.PointsBack && !ReadAsStance(d) && AbsentGroup(d) is { } absent && !stances.StrikeDrafts.Any(k => k.FirstSentence <= d.Sentence && d.Sentence <= k.LastSentence && k.ReportedBy?.Id == d.Speaker.Id)
                    && PreviousClaims(d, di, accept: c => !SameCamp(c.Speaker, d.Speaker)
                        && (c.Sentence >= d.Sentence - 2 || ctx.Doc.Sentences[c.Sentence].Block >= ctx.Doc.Sentences[d.Sentence].Block - 1)
                        && ctx.MentionsIn(c.ContentStart, c.ContentEnd).Any(m => m.Actor?.Id == absent.Id)) is { Count: > 0 } placedThere)
                {
                    Contest(d, placedThere);
                }
                // "Quatre missiles se sont écrasés en Iran, ont affirmé deux responsables américains … « Tous nos missiles ont atteint leurs
                // cibles », a répliqué le porte-parole du ministère russe": a retort from another camp, taking up the words of a claim
                // told in the paragraphs just before, disputes it.
                else if (!d.PointsBack && !ReadAsStance(d) && d.Cue.Verb?.Lemma is { } retort && kb.RetortVerbs.Contains(retort)
                    && PreviousClaims(d, di, sharedWordsOnly: true, accept: c => !SameCamp(c.Speaker, d.Speaker) && c.Cue.Verb is not { Dispute: true }
                        && ctx.Doc.Sentences[c.Sentence].Block >= ctx.Doc.Sentences[d.Sentence].Block - 2) is { Count: > 0 } retorted)
                {
                    Contest(d, retorted);
                }
                // "Mais le porte-parole de la coalition a déclaré que seul un avion s'était écrasé": a voice set against the account
                // before by an adversative, whose words restrict or negate it, disputes the claim of another camp it takes up.
                else if (!d.PointsBack && !ReadAsStance(d) && Opposed(d, di) && RestrictsOrNegates(d)
                    && PreviousClaims(d, di, sharedWordsOnly: true, accept: c => !SameCamp(c.Speaker, d.Speaker) && c.Cue.Verb is not { Dispute: true }) is { Count: > 0 } opposed)
                {
                    Contest(d, opposed);
                }
                // "ses avions avaient visé une base de miliciens et non un camp de réfugiés": a correction ("et non", "et pas", "non
                // pas") denies what the claim before, from another camp, told with the words it sets aside.
                else if (!d.PointsBack && !ReadAsStance(d) && SetAside(d) is { Count: > 0 } setAside
                    && PreviousClaims(d, di, sharedWordsOnly: true, accept: c => !SameCamp(c.Speaker, d.Speaker) && SentenceWords(c.Sentence).Overlaps(setAside)) is { Count: > 0 } corrected)
                {
                    Contest(d, corrected);
                }
                // "Selon Moscou, l'Ukraine a frappé la prison. Kiev a accusé la Russie d'avoir elle-même bombardé la prison": charging
                // the author of a claim with the very event it told contests that claim.
                else if (!d.PointsBack && !ReadAsStance(d) && d.Cue.Verb?.Lemma is { } charge && kb.AccusationVerbs.Contains(charge)
                    && d.Cue.Object?.Actor is { } accused && !SameCamp(accused, d.Speaker) && TellsAStrike(d) is { Count: > 0 } chargedWords
                    && PreviousClaims(d, di, sharedWordsOnly: true, accept: c => SameCamp(c.Speaker, accused) && ContentWords(c.ContentStart, c.ContentEnd).Overlaps(chargedWords)) is { Count: > 0 } charged)
                {
                    Judge(d, d.Speaker, [accused], _ => charged[^1].Text);
                }
                // "Selon l'OSDH, les frappes ont tué 12 civils. Le Kremlin a accusé l'Observatoire de « propagande »": charging the
                // author of a claim told before with lying or propaganda (an unfounded word as the charge) contests that claim.
                else if (!d.PointsBack && d.Cue.Verb?.Lemma is { } charging && kb.AccusationVerbs.Contains(charging)
                    && d.Cue.Object?.Actor is { } liar && !SameCamp(liar, d.Speaker) && ChargesWithUnfoundedness(d)
                    && PreviousClaims(d, di, accept: c => SameCamp(c.Speaker, liar)) is { Count: > 0 } lied)
                {
                    Judge(d, d.Speaker, [liar], _ => lied[^1].Text);
                }
                continue;
            }
            var s = ctx.Doc.Sentences[d.Sentence];
            var accusations = accusationsBySentence[d.Sentence].Where(x => x.Cue.RegionStart >= d.ContentStart).ToList();
            var parties = accusations.Select(x => x.Speaker).Distinct().ToList();
            // The object named in the disputed words is the disputed party ("a démenti les informations de l'OSDH"), unless the
            // disputant denies its own action ("a réfuté avoir commis toute bavure au Mali": Mali is where, not who claims it).
            var ownAction = d.DeniesOwnAction(_t);
            // Words opening with a claim noun name its owner right after it ("les informations de l'OSDH", "publiées par X"); a
            // name further on is inside the claim ("… imputant la responsabilité de cette attaque à la Russie"), and the owner
            // described only ("cette organisation") is found among the claims reported before.
            // "Le Kremlin a nié, affirmant qu'il s'agissait d'un missile de la défense antiaérienne ukrainienne": a denial with no
            // object of its own, whose words are another verb's, names no claimant in them.
            if (parties.Count == 0 && !anaphoric && !ownAction && !d.PointsBack && !OpensWithParticiple(d)
                // A judgement that is the verb's object ends at its comma: "a dénoncé une « manipulation », jeudi, après que Moscou…".
                && ctx.MentionsIn(d.ContentStart, reference >= 0 ? Math.Min(d.ContentEnd, reference + 4) : judgedAsObject ? d.ContentStart + ObjectLength(d) : d.ContentEnd)
                    .FirstOrDefault(m => m.Actor is not null && m.Actor.TargetClass is null && m.Prep is null or "de" or "d" or "du" or "des" || reference >= 0 && m.Actor is not null && m.Prep == "par")?.Actor is { } obj
                // "Sergueï Lavrov a nié que la Russie frappe des civils": the speaker's own camp in the denied words is who acted,
                // not who claims it (that claimant is looked for among the claims before).
                && !(d.ContentStart > 0 && _t[d.ContentStart - 1].Norm is "que" or "qu" && SameCamp(obj, d.Speaker))) parties.Add(obj);
            var claim = accusations.FirstOrDefault()?.Text ?? d.Text;
            string? basis = reference >= 0 || d.PointsBack ? Dispute.ReportedClaimRejected : null;
            // "dénonçant une opération de communication russe": the account's owner named by an adjective after the judgement.
            // "a qualifié de « grotesques » les affirmations russes": the owner named by an adjective after the claim noun.
            // "Les accusations turques sont « infondées »", "a rejeté ces affirmations américaines": likewise whatever the order.
            if (parties.Count == 0 && reference >= 0 && (judgedBefore && !anaphoric || !judgedBefore) && reference < d.ContentEnd && !_t[reference].Cap
                && kb.Nationalities.TryGetValue(_t[reference].Norm, out var nounOwner) && !SameCamp(nounOwner, d.Speaker))
            {
                // "ces affirmations américaines" after John Kirby's: the claim of that nation's voice reported just before.
                var told = anaphoric ? PreviousClaims(d, di).LastOrDefault(c => SameCamp(c.Speaker, nounOwner)) : null;
                parties.Add(told?.Speaker ?? nounOwner);
                if (told is not null) claim = told.Text;
            }
            if (parties.Count == 0 && judgedAsObject && JudgedOwner(d) is { } judgedOwner && !SameCamp(judgedOwner, d.Speaker)) parties.Add(judgedOwner);
            if (judgedAsObject) parties.RemoveAll(p => SameCamp(p, d.Speaker));
            // "a émis de nombreuses réserves sur cette enquête": the claim pointed at is the one introduced with the same noun and
            // its owner ("une enquête de l'ONU"), not whoever spoke last (the UN mission quoted from that report).
            if (parties.Count == 0 && !d.PointsBack && PointedOwner(d) is { } pointed && pointed.Id != d.Speaker.Id && !SameCamp(pointed, d.Speaker))
                parties.Add(pointed);
            // "a réagi au rapport d'Amnesty en le qualifiant de « mensonges »": the clitic takes up the claim noun before it in the
            // sentence, and that noun's owner is the party.
            if (parties.Count == 0 && d.Cue.Kind == CueKind.Participle && d.Cue.VerbStart - 2 >= s.First && Grammar.DefiniteArticles.Contains(_t[d.Cue.VerbStart - 1].Norm)
                && _t[d.Cue.VerbStart - 2].Norm == "en" && ClaimOwnerBefore(d.Cue.VerbStart - 2, s.First) is { } taken && !SameCamp(taken, d.Speaker))
                parties.Add(taken);
            var namedInWords = parties.Count > 0;
            // "Moscou a démenti. Téhéran a également démenti": a denial said to join one told just before by another voice answers the
            // same claim, when it has no words of its own or its words take up that claim's ("Téhéran a également nié qu'un
            // missile soit tombé sur son territoire" after Moscow denied that four missiles fell in Iran).
            if (parties.Count == 0 && d.Cue.Verb is { Dispute: true } && found.Count > 0 && found[^1] is { Party: { } joined } joinedDenial
                && joinedDenial.Disputant.Id != d.Speaker.Id && !SameCamp(joined, d.Speaker) && SentenceAt(joinedDenial.Span.Start) >= d.Sentence - 4
                && AlsoDenial(d, di, joinedDenial.Claim))
            {
                found.Add((d.Speaker, joined, joinedDenial.Claim, Trim(new Span(_t[d.Cue.RegionStart].Start, _t[s.End - 1].End)), joinedDenial.Basis ?? Dispute.ClaimContested));
                continue;
            }
            if (parties.Count == 0 && (reference >= 0 || d.PointsBack || ownAction || judgedUnfounded))
            {
                // "a démenti cette information": the claim is the one the article reported just before, by someone else.
                // Never one's own camp's claim: "Moscou a nié…" does not answer the Russian minister quoted before.
                // "Amnesty a accusé la Russie d'avoir tué des civils. … Moscou a qualifié ces accusations de « guerre de l'information »":
                // accusations pointed at are the last claim made as one (accuser, reprocher), not whatever account was told last.
                var claims = anaphoric && PointsAtAccusations(d, reference) && PreviousClaims(d, di, pointedAt: true,
                        accept: c => !SameCamp(c.Speaker, d.Speaker) && c.Cue.Verb?.Lemma is { } charge && kb.AccusationVerbs.Contains(charge)) is { Count: > 0 } charged
                    ? charged
                    : PreviousClaims(d, di, pointedAt: anaphoric, accept: c => !SameVoice(c.Speaker, d.Speaker) && TellsAFact(c)).ToList();
                // "«Les informations parues dans certains médias … sont absolument fausses»", the report told only after: the
                // claim that follows and tells the disputant's own strikes.
                if (claims.Count == 0 && !anaphoric) claims = FollowingClaims(d, di);
                // "X a réclamé l'arrêt immédiat des frappes russes. Moscou a rejeté ces accusations": with no fact told before, the
                // words point at the condemnation or call of another camp just before.
                if (claims.Count == 0 && anaphoric)
                    claims = PreviousClaims(d, di, pointedAt: true, accept: c => !SameVoice(c.Speaker, d.Speaker) && !SameCamp(c.Speaker, d.Speaker) && WordCount(c) >= 3);
                // One voice per camp: "Moscou a reconnu l'incursion, qu'il a attribuée au mauvais temps. « … », a assuré le porte-parole
                // du ministère russe de la Défense" then "X a rejeté cette explication" rejects Moscow's account once.
                foreach (var c in claims) if (!parties.Any(p => p.Id == c.Speaker.Id || SameCamp(p, c.Speaker))) parties.Add(c.Speaker);
                if (claims.Count > 0) claim = claims.Last(c => parties.Any(p => p.Id == c.Speaker.Id)).Text;
            }
            // "«Les informations … sont absolument fausses», indique le communiqué": words before the cue are the dispute's too.
            // "« Les troupes russes n'ont pas la capacité de frapper », a indiqué X, dénonçant une opération de communication": a
            // participle hung on the same voice's quotation carries the dispute with that quotation.
            var spanStart = d.Cue.ContentBefore ? Math.Min(d.ContentStart, d.Cue.RegionStart) : d.Cue.RegionStart;
            if (d.Cue.Kind == CueKind.Participle && QuotationHungOn(d, di) is { } quoted) spanStart = Math.Min(spanStart, quoted.ContentStart);
            var span = Trim(new Span(_t[spanStart].Start, _t[s.End - 1].End));
            // A purpose given to claims whose owner the words name ("Selon la source, les affirmations israéliennes visent à…") is a
            // charge of its own, not the same voice's dispute told again.
            if (d.Cue.Verb is not { Dispute: true } && !(motive && namedInWords)) judged.Add(span);
            // "L'Armée syrienne libre a démenti toute présence de l'EI à Jisr al-Choughour": the claim it answers is another camp's
            // that placed the group there, not the one sharing most words (the place's name).
            if (parties.Count == 0 && !ownAction && d.Cue.Verb is { Dispute: true } && PresenceDenied(d) is { } deniedGroup
                && PreviousClaims(d, di, accept: c => !SameCamp(c.Speaker, d.Speaker) && ctx.MentionsIn(c.ContentStart, c.ContentEnd).Any(m => m.Actor?.Id == deniedGroup.Id))
                    is { Count: > 0 } placing)
            {
                parties.AddRange(placing.Select(c => c.Speaker).DistinctBy(a => a.Id));
                claim = placing[^1].Text;
            }
            if (parties.Count == 0 && !ownAction && d.Cue.Verb is { Dispute: true })
            {
                // "Abuja a réfuté toute bavure militaire": the claimant is the one reported before on the same matter, if any.
                // Another voice's claim only: the disputant's own camp told before ("le ministre russe de la Défense" before "le
                // ministère a démenti…") is not what it answers, however many words they share; nor is another voice's denial
                // ("Moscou a démenti qu'un missile soit tombé en Iran. Téhéran a nié toute chute de missile": both deny the report).
                // "Lavrov a démenti que des civils aient été tués. Selon l'OSDH, 39 civils ont pourtant péri": the fact denied, told
                // right after and set against the denial, is the claim it answers (rather than an earlier one sharing a word).
                var claims = BeliedBy(d, di) is { Count: > 0 } belied ? belied
                    : PreviousClaims(d, di, accept: c => !SameVoice(c.Speaker, d.Speaker) && c.Cue.Verb is not { Dispute: true } && TellsAFact(c)).ToList();
                parties.AddRange(claims.Select(c => c.Speaker).DistinctBy(a => a.Id));
                if (claims.Count > 0) claim = claims[^1].Text;
                if (parties.Count == 0) { found.Add((d.Speaker, null, claim, span, null)); continue; }
            }
            if (ownAction)
            {
                // "a démenti avoir bombardé un hôpital": against the claimant reported before, if any (else no one is named).
                if (parties.Count == 0) found.Add((d.Speaker, null, d.Text, span, Dispute.OwnActionDenied));
                foreach (var p in parties) if (p.Id != d.Speaker.Id) found.Add((d.Speaker, p, d.Text, span, Dispute.OwnActionDenied));
                continue;
            }
            foreach (var p in parties) if (p.Id != d.Speaker.Id) found.Add((d.Speaker, p, claim, span, basis ?? Dispute.ClaimContested));
            if (reference >= 0 && parties.Count > 0)
                foreach (var other in CoOwners(reference, d.ContentEnd))
                    if (!SameCamp(other, d.Speaker) && !parties.Any(p => p.Id == other.Id)) coOwned.Add((d.Speaker, other, claim, span, basis ?? Dispute.ClaimContested));
        }
        var draftsBySentence = drafts.ToLookup(x => x.Sentence);
        RelativeDenials(found, draftsBySentence);
        // "« La zone n'est pas une zone humanitaire », contrairement à ce qu'affirme le Croissant-Rouge": the words just reported
        // contradict the source named after the cue.
        foreach (var group in draftsBySentence)
        {
            var s = ctx.Doc.Sentences[group.Key];
            for (var k = s.First; k < s.End; k++)
            {
                var len = kb.ContrarySources.Match(_t, k, s.End);
                if (len == 0) continue;
                var said = group.Where(x => !x.Cue.Derived && !x.PointsBack && x.ContentStart < k).MaxBy(x => x.ContentStart);
                var contradicted = ctx.MentionsIn(k + len, s.End).FirstOrDefault(m => m.Actor is not null && m.Start < k + len + 4)?.Actor;
                if (said is null || contradicted is null || contradicted.Id == said.Speaker.Id || SameCamp(contradicted, said.Speaker)) continue;
                var span = Trim(new Span(_t[said.ContentStart].Start, _t[s.End - 1].End));
                found.Add((said.Speaker, contradicted, said.Text, span, Dispute.ClaimContested));
                k += len - 1;
            }
        }
        // "HRW a accusé l'armée d'avoir tué 60 civils dans des frappes présentées par le gouvernement comme ayant ciblé des
        // combattants": words telling the strikes otherwise than the presenter's account dispute it.
        foreach (var k in stances.StrikeDrafts.Where(k => k.Presented && k.ReportedBy is not null))
            foreach (var d in draftsBySentence[k.FirstSentence].Where(x => !x.Cue.Derived && x.Speaker.Id != k.ReportedBy!.Id && !SameVoice(x.Speaker, k.ReportedBy!)))
            {
                var claim = "les frappes " + (k.Perpetrator.Name is { } pn ? "de " + pn + " " : "") + "visaient " + string.Join(", ", k.Targets.Select(t => t.Name));
                found.Add((d.Speaker, k.ReportedBy!, claim, SentenceSpan(d), Dispute.ClaimContested));
            }
        foreach (var (d, stance) in stances.ByStatement)
        {
            if (stance.FromStrikerSide || stance.Position != TargetStance.Opposition || !stance.Contrastive) continue;
            var span = SentenceSpan(d);
            var claim = $"les frappes de {stance.Striker.Name} visent les groupes jihadistes (État islamique, « terroristes »)";
            found.Add((d.Speaker, stance.Striker, claim, span, null));
        }
        var kept = WithoutRetellings(found.DistinctBy(f => (f.Disputant.Id, f.Party?.Id, f.Span)).OrderBy(f => f.Span.Start).ToList(), judged);
        var keptSpans = kept.Select(f => (f.Disputant.Id, f.Span)).ToHashSet();
        kept.AddRange(coOwned.Where(f => keptSpans.Contains((f.Disputant.Id, f.Span))).DistinctBy(f => (f.Disputant.Id, f.Party?.Id, f.Span)));
        return kept.OrderBy(f => f.Span.Start)
            .Select(f => f.Party is { } party && SpokesmanBody(party) is { } body && body.Id != f.Disputant.Id && !SameCamp(body, f.Disputant) ? f with { Party = body } : f)
            // "un haut responsable de l'armée indienne": an unnamed official's claim is that of the state he speaks for.
            .Select(f => f.Party is { Kind: "anonymous", ActsFor: { } af } && kb.Actor(af) is { } state && state.Id != f.Disputant.Id && !SameCamp(state, f.Disputant) ? f with { Party = state } : f)
            .Select((f, i) => new Dispute("d" + (i + 1), ArticleContext.Ref(f.Disputant), f.Party is null ? null : ArticleContext.Ref(f.Party), f.Claim,
                ctx.Doc.Text[f.Span.Start..f.Span.End], f.Span) { Basis = f.Basis })
            .ToList();
    }

    /// <summary>Denials told in a relative or passive clause, with no statement of their own: "Bagdad a accusé son voisin turc, qui
    /// a nié toute responsabilité" (the antecedent denies), "…d'être derrière la tuerie, ce qui avait été contesté par Islamabad",
    /// "Les accusations de l'OSDH, rejetées par Moscou, …", "Une accusation démentie par Moscou" (the agent denies). The disputed
    /// party is the accuser told in the same sentence before the clause, or the owner of the claim noun, or else the claim
    /// reported just before by another voice. One pass over the tokens.</summary>
    private void RelativeDenials(List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)> found, ILookup<int, StatementDraft> bySentence)
    {
        var kb = ctx.Kb;
        var lastDraft = -1;
        for (var si = 0; si < ctx.Doc.Sentences.Count; si++)
        {
            var s = ctx.Doc.Sentences[si];
            while (lastDraft + 1 < drafts.Count && drafts[lastDraft + 1].Sentence < si) lastDraft++;
            for (var k = s.First + 1; k < s.End; k++)
            {
                var len = kb.Verbs.Match(_t, k, s.End, out var form);
                if (len == 0 || !form.Verb.Dispute || _t[k].Cap) continue;
                ActorEntry? disputant = null;
                var clauseStart = -1;
                var clauseEnd = k + len;
                if (form.Kind == VerbFormKind.Participle && k + len + 1 < s.End && _t[k + len].Norm == "par" && !ActiveAuxiliaryBefore(k, s.First))
                {
                    // The passive: "contesté par Islamabad", "rejetées par Moscou".
                    var a = k + len + 1;
                    if (a < s.End && Grammar.DefiniteArticles.Contains(_t[a].Norm)) a++;
                    // An armed group said to be hit is a denier too when the sentence opens with the claim it denies ("Une affirmation
                    // rejetée par les rebelles").
                    if (a < s.End && ctx.MentionAt[a] is { Actor: { } agent } am && (agent.TargetClass is null || OpensWithClaim(s, k))) { disputant = agent; clauseEnd = am.End; }
                    // "contesté par Islamabad": a capital stands for its state.
                    else if (a < s.End && _t[a].Cap && kb.CapitalStates.TryGetValue(_t[a].Norm, out var capitalState)) { disputant = capitalState; clauseEnd = a + 1; }
                    clauseStart = k;
                    while (clauseStart > s.First && _t[clauseStart - 1].Norm is not ("," or ";" or ":" or "(" )) clauseStart--;
                    if (clauseStart == s.First) clauseStart = Math.Max(s.First, k - 3);
                }
                else
                {
                    // The relative: "son voisin turc, qui a nié", "Moscou, qui dément…".
                    var j = k - 1;
                    while (j > s.First + 1 && j > k - 4 && (kb.Auxiliaries.Contains(_t[j].Norm) || _t[j].Norm.EndsWith("ment", StringComparison.Ordinal) || kb.Adverbs.Match(_t, j, k) > 0)) j--;
                    if (_t[j].Norm != "qui" || _t[j - 1].Norm != ",") continue;
                    if (ctx.MentionsIn(Math.Max(s.First, j - 6), j - 1).LastOrDefault(m => m.End == j - 1 && m.Actor is { TargetClass: null })?.Actor is { } antecedent) disputant = antecedent;
                    // "son voisin turc, qui a nié": a nationality adjective closing the antecedent names the state.
                    else if (j - 2 > s.First && !_t[j - 2].Cap && kb.Nationalities.TryGetValue(_t[j - 2].Norm, out var nation)) disputant = nation;
                    clauseStart = j;
                    while (clauseStart > s.First && _t[clauseStart - 1].Norm is not (";" or ":")) clauseStart--;
                }
                if (disputant is null) continue;
                // Up to the end of the clause: the words that carry the denial.
                var e = clauseEnd;
                while (e < s.End && _t[e].Norm is not ("," or ";" or "." or ":")) e++;
                // The accuser told before the clause in this sentence; else the owner of the claim noun just before; else the claim
                // reported before by another voice.
                ActorEntry? party = null;
                string? claim = null;
                foreach (var x in bySentence[si])
                    if (!x.Cue.Derived && x.Cue.RegionStart < k && !SameCamp(x.Speaker, disputant)) { party = x.Speaker; claim = x.Text; }
                if (party is null)
                    for (var c = k - 1; c >= Math.Max(s.First, k - 8) && party is null; c--)
                        if (kb.ClaimNouns.Match(_t, c, k) > 0 && c + 2 < k && _t[c + 1].Norm is "de" or "d" or "du" or "des")
                        {
                            var o = c + 2;
                            if (Grammar.DefiniteArticles.Contains(_t[o].Norm)) o++;
                            if (o < k && ctx.MentionAt[o] is { Actor: { TargetClass: null } owner } && !SameCamp(owner, disputant)) party = owner;
                        }
                if (party is null)
                    for (var x = lastDraft; x >= Math.Max(0, lastDraft - ClaimLookBack) && party is null; x--)
                        if (!drafts[x].Cue.Derived && !drafts[x].PointsBack && drafts[x].Cue.Verb is not { Dispute: true } && !SameCamp(drafts[x].Speaker, disputant))
                            (party, claim) = (drafts[x].Speaker, drafts[x].Text);
                if (party is null || party.Id == disputant.Id) continue;
                var span = Trim(new Span(_t[clauseStart].Start, _t[Math.Max(clauseStart, e - 1)].End));
                found.Add((disputant, party, claim ?? ctx.Doc.Text[_t[s.First].Start.._t[Math.Max(s.First, clauseStart - 1)].End], span, Dispute.ClaimContested));
            }
        }
    }

    // The first words of a verb's object where a judgement is the object itself: four words, and the quotation marks and a claim
    // noun between do not count ("des « allégations » sans fondement").
    private int ObjectJudgementReach(StatementDraft d)
    {
        var reach = 4;
        for (var k = d.ContentStart; k < Math.Min(d.ContentEnd, d.ContentStart + reach) && reach < 7; k++)
            if (_t[k].IsQuote || ctx.Kb.ClaimNouns.Match(_t, k, k + 1) > 0) reach++;
        return reach;
    }

    // "a démenti par la voix de…", "a catégoriquement rejeté par…": an active past, not a passive.
    private bool ActiveAuxiliaryBefore(int k, int first)
    {
        var j = k - 1;
        while (j > first && j > k - 4 && (_t[j].Norm.EndsWith("ment", StringComparison.Ordinal) || ctx.Kb.Adverbs.Match(_t, j, k) > 0)) j--;
        return ctx.Kb.Auxiliaries.Contains(_t[j].Norm) || _t[j].Norm is "ayant" or "avoir";
    }

    /// <summary>The body a disputed spokesman speaks for: what "le porte-parole du Pentagone, Peter Cook" or Igor Konachenkov (listed
    /// as the Russian defence ministry's spokesman) says is that body's claim, and the dispute is with the body, as a dispute's
    /// disputant stays the person who speaks.</summary>
    private ActorEntry? SpokesmanBody(ActorEntry party)
    {
        if (party.Kind != "person") return null;
        if (_spokesmen is null)
        {
            _spokesmen = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
            ActorEntry? lastBody = null;
            foreach (var m in ctx.Mentions)
            {
                if (m.Actor is { Kind: "institution" or "state" } b && m.Kind == Mentions.MentionKind.Name) lastBody = b;
                if (!m.IsPerson || m.End - m.Start < 3 || _spokesmen.ContainsKey(m.Actor!.Id)) continue;
                for (var k = m.Start; k < m.End; k++)
                {
                    var titleLength = ctx.Kb.SpokesmanTitlePhrases.Match(_t, k, m.End);
                    if (titleLength == 0) continue;
                    var j = k + titleLength;
                    if (j < m.End && _t[j].Norm is "du" or "de" or "des" or "d") j++;
                    if (j < m.End && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j++;
                    // "porte-parole du Pentagone", else "porte-parole du ministère": the body last named with that noun.
                    if (ctx.Kb.ActorNames.Match(_t, j, m.End, out var named) > 0 && named.Kind is "institution" or "state") _spokesmen[m.Actor!.Id] = named;
                    else if (j < m.End && lastBody is { } last && last.GenericNouns.Contains(_t[j].Norm)) _spokesmen[m.Actor!.Id] = last;
                    break;
                }
            }
        }
        return _spokesmen.GetValueOrDefault(party.Id) ?? ctx.Kb.SpokesmanFor.GetValueOrDefault(party.Id);
    }

    private Dictionary<string, ActorEntry>? _spokesmen;

    /// <summary>"cette enquête" in the dispute's sentence: the owner named where the same noun was last introduced with a
    /// complement ("le rapport d'une enquête de l'ONU", "une enquête des Nations unies a conclu"), looked for a bounded
    /// number of tokens back.</summary>
    private ActorEntry? PointedOwner(StatementDraft d)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        for (var k = d.Cue.RegionStart; k < s.End; k++)
        {
            if (ClaimReference.Match(_t, k, s.End, ctx.Kb, out var anaphoric) is var end && (end < 0 || !anaphoric)) continue;
            // An owner of its own ("ces accusations d'Ankara") is read where the dispute's object is read.
            if (end < s.End && _t[end].Norm is "de" or "d" or "du" or "des") return null;
            var noun = _t[end - 1].Norm;
            for (var j = k - 1; j >= Math.Max(0, k - PointedLookBack); j--)
            {
                if (_t[j].Norm != noun || j > 0 && ctx.Kb.Demonstratives.Contains(_t[j - 1].Norm)) continue;
                var c = j + 1;
                if (c >= _t.Count || _t[c].Norm is not ("de" or "d" or "du" or "des")) continue;
                c++;
                if (c < _t.Count && Grammar.DefiniteArticles.Contains(_t[c].Norm)) c++;
                if (c < _t.Count && ctx.MentionAt[c] is { Actor: { } owner } m && m.Start == c && owner.TargetClass is null) return owner;
            }
            return null;
        }
        return null;
    }

    private const int PointedLookBack = 400;

    /// <summary>A denial joined by an adverb to another's ("a également démenti", "dément à son tour"; dispute-cues.json's
    /// alsoWords): one whose words are at most that adverb, or one whose adverb stands with its verb ("a également nié que…",
    /// "nie lui aussi") and whose words take up those of the joined denial's <paramref name="claim"/> (a content word in
    /// common; that claim's statement is looked up only then).</summary>
    private bool AlsoDenial(StatementDraft d, int di, string claim)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        var words = 0;
        for (var k = d.ContentStart; k < d.ContentEnd; k++) if (_t[k].IsWord && ctx.Kb.AlsoWords.Match(_t, k, d.ContentEnd) == 0) words++;
        if (words <= 1)
        {
            for (var k = s.First; k < s.End; k++) if (ctx.Kb.AlsoWords.Match(_t, k, s.End) > 0) return true;
            return false;
        }
        if (d.Cue.ContentBefore || d.Cue.VerbEnd <= 0) return false;
        // The adverb with the subject and verb ("Téhéran a également nié", "nie lui aussi"): not one inside the denied words.
        var withVerb = false;
        for (var k = d.Cue.RegionStart; k < Math.Min(d.ContentStart, d.Cue.VerbEnd + 3) && !withVerb; k++) withVerb = ctx.Kb.AlsoWords.Match(_t, k, d.ContentStart) > 0;
        return withVerb && JoinedClaim(di, claim) is { } joinedClaim
            && ContentWords(d.ContentStart, d.ContentEnd).Overlaps(ContentWords(joinedClaim.ContentStart, joinedClaim.ContentEnd));
    }

    /// <summary>The statement whose words are <paramref name="claim"/>, among those of the few sentences before draft
    /// <paramref name="di"/> (a joined denial is at most four sentences back): a bounded look, whatever the article's length.</summary>
    private StatementDraft? JoinedClaim(int di, string claim)
    {
        var from = drafts[di].Sentence - JoinedClaimReach;
        for (var k = di - 1; k >= 0 && drafts[k].Sentence >= from; k--) if (drafts[k].Text == claim) return drafts[k];
        return null;
    }

    private const int JoinedClaimReach = 12;

    /// <summary>The sentence opens with a determiner and a claim noun right before the participle at <paramref name="participle"/>
    /// ("Une affirmation rejetée par…", "Une version démentie par…").</summary>
    private bool OpensWithClaim(Sentence s, int participle)
    {
        var n = s.First + 1;
        return _t[s.First].Norm is "une" or "un" or "cette" or "ces" or "ce" or "cet" or "la" or "le" or "l" or "les"
            && n < participle && ctx.Kb.ClaimNouns.Match(_t, n, participle) == participle - n;
    }

    /// <summary>"une opération de communication russe": a nationality adjective right after the judgement names the account's owner.</summary>
    /// <summary>The end of the claim reference right after an opening judgement ("« erronées » les affirmations", "de
    /// « mensongères » les informations", "infondées et absurdes les accusations"), or -1.</summary>
    private int JudgementBeforeNoun(StatementDraft d, out bool anaphoric)
    {
        anaphoric = false;
        var end = Math.Min(d.ContentEnd, d.ContentStart + 4);
        for (var k = d.ContentStart; k < end; k++)
        {
            var len = ctx.Kb.Unfounded.Match(_t, k, d.ContentEnd);
            if (len == 0) continue;
            var j = k + len;
            // "infondées et absurdes", "fausses, mensongères": a second judgement joined to the first.
            for (var guard = 0; guard < 3 && j + 1 < d.ContentEnd && _t[j].Norm is "et" or "," && ctx.Kb.Unfounded.Match(_t, j + 1, d.ContentEnd) is var more && more > 0; guard++)
                j += 1 + more;
            if (j < d.ContentEnd && _t[j].IsQuote) j++;
            return ClaimReference.Match(_t, j, d.ContentEnd, ctx.Kb, out anaphoric);
        }
        return -1;
    }

    private ActorEntry? JudgedOwner(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 8);
        for (var k = d.ContentStart; k < end; k++)
        {
            var len = ctx.Kb.Unfounded.Match(_t, k, d.ContentEnd);
            if (len == 0) continue;
            var j = k + len;
            // "une « nouvelle manipulation grossière russe »": a quotation mark and up to two adjectives before the nationality.
            for (var guard = 0; guard < 3 && j < d.ContentEnd; guard++, j++)
            {
                if (_t[j].IsQuote) continue;
                if (!_t[j].Cap && ctx.Kb.Nationalities.TryGetValue(_t[j].Norm, out var nation)) return nation;
                if (!_t[j].IsWord || _t[j].Cap || Grammar.Prepositions.Contains(_t[j].Norm) || Grammar.Determiners.Contains(_t[j].Norm) || _t[j].Norm is "et" or "ou" or "qui" or "que") return null;
            }
            return null;
        }
        return null;
    }

    // The words of a judged object up to its first comma outside quotation marks ("une « manipulation grossière russe », jeudi,
    // après que Moscou a revendiqué…": the object is the first five words).
    private int ObjectLength(StatementDraft d)
    {
        var open = false;
        for (var k = d.ContentStart; k < d.ContentEnd; k++)
        {
            if (_t[k].Kind == TokenKind.OpenQuote) open = true;
            else if (_t[k].Kind == TokenKind.CloseQuote) open = false;
            else if (!open && _t[k].Norm is "," or ";" or ":") return k - d.ContentStart;
        }
        return d.ContentEnd - d.ContentStart;
    }

    /// <summary>An inquiry called for into strikes: the striker named with them ("les frappes russes", "les raids de la coalition").</summary>
    private ActorEntry? InquiryInto(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 15);
        var inquiry = false;
        for (var k = d.ContentStart; k < end && !inquiry; k++) inquiry = ctx.Kb.InquiryNouns.Match(_t, k, end) > 0;
        if (!inquiry) return null;
        foreach (var m in ctx.MentionsIn(d.ContentStart, d.ContentEnd))
            if (m.Actor is { } a && (m.Kind == Mentions.MentionKind.Adjectival || a.IsState || a.ActsFor is not null) && a.TargetClass is null)
                return a.ActsFor is { } state ? ctx.Kb.Actor(state) ?? a : a;
        for (var k = d.ContentStart; k < d.ContentEnd; k++)
            if (ctx.Kb.StrikeNouns.Match(_t, k, d.ContentEnd) is var len && len > 0 && k + len < d.ContentEnd && ctx.Kb.Nationalities.TryGetValue(_t[k + len].Norm, out var nation))
                return nation;
        return null;
    }

    /// <summary>"le ministère exagère le bilan", "le Hamas ment": the actor said to exaggerate, lie or invent, and where.</summary>
    private (ActorEntry? Actor, int At) Discredited(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 15);
        for (var k = d.ContentStart; k < end; k++)
        {
            if (ctx.Kb.DiscreditingVerbs.Match(_t, k, d.ContentEnd) == 0) continue;
            for (var j = k - 1; j >= d.ContentStart; j--)
                if (ctx.MentionAt[j] is { Actor: { } a } m && m.Prep is null) return (a, k);
            // "a accusé l'OSDH de mentir": the accused, the verb's object, is said to lie.
            if (k == d.ContentStart && d.Cue.Object?.Actor is { } accused) return (accused, k);
            return (null, -1);
        }
        return (null, -1);
    }

    // "l'explication russe", "la version de Moscou": whose account the judgement rejects, when the words name it.
    private ActorEntry? AccountOwner(StatementDraft d)
    {
        // "L'Otan a accusé la Russie d'avoir délibérément violé l'espace aérien turc": an accusation's judgement is aimed at the
        // accused, not at a nation named in the words.
        if (d.Cue.Kind == CueKind.Accusation && d.Cue.Object?.Actor is { } accused && !SameCamp(accused, d.Speaker)) return accused;
        // Only an owner of the account named as such: an actor or a nationality right after a claim noun ("la version de Moscou",
        // "l'explication russe"). Another actor in the words is part of what they tell ("C'est faux, il n'y avait pas de soldats",
        // "… à Mekele, qui fait partie de l'Ethiopie. C'est un mensonge"), not whose account they reject.
        if (ctx.MentionsIn(d.ContentStart, d.ContentEnd).FirstOrDefault(m => m.Actor is { TargetClass: null } o && !SameCamp(o, d.Speaker) && AfterClaimNoun(m.Start, d.ContentStart))?.Actor is { } named) return named;
        var end = Math.Min(d.ContentEnd, d.ContentStart + 20);
        for (var k = d.ContentStart; k < end; k++)
            if (ctx.Kb.Nationalities.TryGetValue(_t[k].Norm, out var nation) && !SameCamp(nation, d.Speaker) && AfterClaimNoun(k, d.ContentStart)) return nation;
        return null;
    }

    /// <summary>"au rapport d'Amnesty", "les accusations de Kiev": the owner named after the last claim noun before <paramref name="k"/>
    /// in its sentence (a few words back), or null.</summary>
    private ActorEntry? ClaimOwnerBefore(int k, int first)
    {
        for (var c = k - 2; c >= Math.Max(first, k - 10); c--)
        {
            if (ctx.Kb.ClaimNouns.Match(_t, c, k) == 0 || _t[c + 1].Norm is not ("de" or "d" or "du" or "des")) continue;
            var o = c + 2;
            if (o < k && Grammar.DefiniteArticles.Contains(_t[o].Norm)) o++;
            return o < k && ctx.MentionAt[o] is { Actor: { TargetClass: null } owner } ? owner : null;
        }
        return null;
    }

    /// <summary>"les informations publiées par cette organisation et par la Défense civile syrienne", "les accusations de Kiev et de
    /// Washington": the owners joined by "et" after the claim noun's first owner, within its next words.</summary>
    private List<ActorEntry> CoOwners(int reference, int end)
    {
        var owners = new List<ActorEntry>();
        var stop = Math.Min(end, reference + 12);
        for (var k = reference; k + 2 < stop; k++)
        {
            if (_t[k].Norm is "," or ";" or ":" or "." || _t[k].IsQuote) break;
            if (_t[k].Norm != "et" || _t[k + 1].Norm is not ("par" or "de" or "d" or "du" or "des")) continue;
            var j = k + 2;
            if (j < stop && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j++;
            if (j < end && ctx.MentionAt[j] is { Actor: { TargetClass: null } owner } m && m.Start >= k + 2 && m.Kind is not (Mentions.MentionKind.Pronoun or Mentions.MentionKind.Demonstrative)) owners.Add(owner);
        }
        return owners;
    }

    /// <summary>The words tell something a denial can answer: not a reaction, a wish or a call ("L'ONU s'est dite « horrifiée »",
    /// "Riyad a condamné l'attaque", "a appelé à la retenue"), and three words at least.</summary>
    private bool TellsAFact(StatementDraft c) =>
        !(c.Cue.Verb?.Lemma is { } lemma && (ctx.Kb.ReactionVerbs.Contains(lemma) || ctx.Kb.CallVerbs.Contains(lemma))) && WordCount(c) >= 3;

    /// <summary>The words of a statement, counted up to three.</summary>
    private int WordCount(StatementDraft c)
    {
        var words = 0;
        for (var k = c.ContentStart; k < c.ContentEnd && words < 3; k++) if (_t[k].IsWord) words++;
        return words;
    }

    /// <summary>The words tell a strike ("d'avoir elle-même bombardé la prison"): their content words, or none when no strike
    /// verb, hit or military action stands in them.</summary>
    private HashSet<string> TellsAStrike(StatementDraft d)
    {
        var strike = false;
        for (var k = d.ContentStart; k < d.ContentEnd && !strike; k++)
            strike = ctx.Kb.DeniedHits.Contains(_t[k].Norm) || ctx.Kb.DeniedActions.Contains(_t[k].Norm) || ctx.Kb.StrikeVerbs.Match(_t, k, d.ContentEnd, out _) > 0;
        return strike ? ContentWords(d.ContentStart, d.ContentEnd) : [];
    }

    // The stance loop below makes these words a dispute with the striker (as it reads "ne ciblent pas l'EI, mais d'autres groupes").
    private bool ReadAsStance(StatementDraft d) =>
        stances.ByStatement.TryGetValue(d, out var st) && !st.FromStrikerSide && st.Position == TargetStance.Opposition && st.Contrastive;

    /// <summary>The speaker's clause is set against what was told before: the sentence opens with an adversative ("Mais le
    /// porte-parole…", "Or, selon Moscou…"), or one stands in the cue ("a toutefois affirmé"). Only the sentence's first voice.</summary>
    private bool Opposed(StatementDraft d, int index)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        var first = s.First;
        while (first < s.End && !_t[first].IsWord) first++;
        var cueFirst = Math.Min(d.Cue.RegionStart, d.ContentStart);
        if (first < s.End && ctx.Kb.Adversatives.Contains(_t[first].Norm) && first <= cueFirst + 1)
        {
            for (var k = index - 1; k >= 0 && k >= index - 4 && drafts[k].Sentence == d.Sentence; k--)
                if (!drafts[k].Cue.Derived && drafts[k].Speaker.Id != d.Speaker.Id) return false;
            return true;
        }
        for (var k = d.Cue.RegionStart; k < Math.Min(s.End, d.Cue.VerbEnd + 2); k++)
            if (ctx.Kb.Adversatives.Contains(_t[k].Norm) && !_t[k].Cap) return true;
        return false;
    }

    /// <summary>The words restrict ("seul un avion", "uniquement des dépôts", "n'a visé que") or negate ("n'a pas", "aucun").</summary>
    private bool RestrictsOrNegates(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 20);
        for (var k = d.ContentStart; k < end; k++)
        {
            if (ctx.Kb.Restrictions.Contains(_t[k].Norm) || Grammar.NoneDeterminers.Contains(_t[k].Norm)) return true;
            if (_t[k].Norm is "ne" or "n")
                for (var j = k + 1; j < Math.Min(end, k + 5); j++)
                    if (Grammar.StrongNegations.Contains(_t[j].Norm) || _t[j].Norm is "que" or "qu" or "plus") return true;
        }
        return false;
    }

    /// <summary>A predicate giving the claims an ulterior purpose ("visent simplement à", "n'ont d'autre but que") in the words from
    /// <paramref name="from"/>: adverbs between the verb and its complement are skipped.</summary>
    private bool ImputesMotive(int from, int end)
    {
        var window = new List<Token>(8);
        for (var k = from; k < end; k++)
        {
            window.Clear();
            for (var j = k; j < Math.Min(_t.Count, k + 10) && window.Count < 6; j++)
                if (j == k || !IsAdverb(j)) window.Add(_t[j]);
            if (ctx.Kb.MotivePredicates.Match(window, 0, window.Count) > 0) return true;
        }
        return false;
    }

    // "simplement", "surtout", "avant tout": an adverb, or a word that weights what follows.
    private bool IsAdverb(int k) => _t[k].IsWord && (_t[k].Norm.Length > 5 && _t[k].Norm.EndsWith("ment", StringComparison.Ordinal)
        || ctx.Kb.Adverbs.Match(_t, k, k + 1) > 0 || ctx.Kb.Contrasts.Match(_t, k, k + 1) > 0 || ctx.Kb.Restrictions.Contains(_t[k].Norm));

    /// <summary>The same speaker's quotation told just before a participle cue in its sentence ("« … », a indiqué X, dénonçant…").</summary>
    private StatementDraft? QuotationHungOn(StatementDraft d, int index)
    {
        for (var k = index - 1; k >= 0 && k >= index - 3 && drafts[k].Sentence == d.Sentence; k--)
        {
            var x = drafts[k];
            if (x.Cue.Derived || x.ContentEnd > d.Cue.RegionStart) continue;
            return x.Speaker.Id == d.Speaker.Id && x.Mode == Statement.Direct ? x : null;
        }
        return null;
    }

    // The words open with a reporting verb's present participle ("a démenti, affirmant que…").
    private bool OpensWithParticiple(StatementDraft d)
    {
        var k = d.ContentStart;
        if (k < d.ContentEnd && _t[k].Norm == ",") k++;
        return k < d.ContentEnd && ctx.Kb.Verbs.Match(_t, k, d.ContentEnd, out var form) > 0 && form.Kind == VerbFormKind.PresentParticiple;
    }

    // A claim noun just before: "l'explication russe", "la version de Moscou", "les affirmations d'Israël", "la thèse du régime".
    private bool AfterClaimNoun(int k, int from)
    {
        var j = k - 1;
        if (j >= from && Grammar.DefiniteArticles.Contains(_t[j].Norm)) j--;
        if (j >= from && _t[j].Norm is "de" or "d" or "du" or "des") j--;
        return j >= from && ctx.Kb.ClaimNouns.Contains(_t[j].Norm);
    }

    /// <summary>"jugée peu crédible par l'Otan", "qualifiées de « mensonges » par Kiev": the agent of a judgement in the words.</summary>
    private ActorEntry? JudgeByAgent(StatementDraft d)
    {
        var kb = ctx.Kb;
        var end = Math.Min(d.ContentEnd, d.ContentStart + 40);
        for (var k = d.ContentStart; k < end; k++)
        {
            var len = Math.Max(kb.RejectedExcuses.Match(_t, k, d.ContentEnd), kb.Unfounded.Match(_t, k, d.ContentEnd));
            if (len == 0) continue;
            var j = k + len;
            while (j < d.ContentEnd && j < k + len + 2 && _t[j].IsQuote) j++;
            if (j + 1 < d.ContentEnd && _t[j].Norm == "par")
            {
                var m = j + 1 < d.ContentEnd && Grammar.DefiniteArticles.Contains(_t[j + 1].Norm) ? j + 2 : j + 1;
                if (m < d.ContentEnd && ctx.MentionAt[m] is { Actor: { } agent }) return agent;
            }
            k = j - 1;
        }
        return null;
    }

    private ILookup<int, StatementDraft>? _rejections;
    private ILookup<int, StatementDraft> RejectionsBySentence => _rejections ??= drafts.Where(RejectsAccount).ToLookup(x => x.Sentence);

    /// <summary>The words reject another's account ("pas un accident", "peu crédible"), within the first words of the content or
    /// opening a later sentence of a long quotation ("Il n'y a aucune raison de viser des civils. C'est un mensonge total").</summary>
    private bool RejectsAccount(StatementDraft d)
    {
        if (WordWithin(ctx.Kb.RejectedExcuses, d, 20)) return true;
        for (var k = Math.Max(Math.Min(d.ContentEnd, d.ContentStart + 20), d.ContentStart + 1); k < d.ContentEnd; k++)
            if (_t[k - 1].Norm is "." or "!" or "?" && ctx.Kb.RejectedExcuses.Match(_t, k, Math.Min(d.ContentEnd, k + 8)) > 0) return true;
        return false;
    }

    /// <summary>The words of a charge open with a word of the unfounded list of dispute-cues.json ("de « propagande »"), past
    /// quotation marks and an article.</summary>
    private bool ChargesWithUnfoundedness(StatementDraft d)
    {
        var k = d.ContentStart;
        while (k < d.ContentEnd && k < d.ContentStart + 3 && (_t[k].IsQuote || Grammar.Determiners.Contains(_t[k].Norm))) k++;
        return k < d.ContentEnd && ctx.Kb.Unfounded.Match(_t, k, d.ContentEnd) > 0;
    }

    /// <summary>The words excuse an act ("une erreur de navigation", "un accident", "le mauvais temps") within their first words.</summary>
    private bool GivesExcuse(StatementDraft d) => WordWithin(ctx.Kb.Excuses, d, 20);

    /// <summary>A phrase of <paramref name="lexicon"/> begins within the first <paramref name="reach"/> tokens of d's words, read
    /// up to the reach, or with <paramref name="readToEnd"/> up to the words' end (a judgement may run past the reach).</summary>
    private bool WordWithin(Lexicon lexicon, StatementDraft d, int reach, bool readToEnd = false)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + reach);
        var matchEnd = readToEnd ? d.ContentEnd : end;
        for (var k = d.ContentStart; k < end; k++) if (lexicon.Match(_t, k, matchEnd) > 0) return true;
        return false;
    }

    /// <summary>The words deny a strike: a negation ("n'a jamais", "n'ont pas") then, within a few words, a strike verb or a
    /// denied hit ("visé", "touché", "atteint").</summary>
    private bool NegatesAStrike(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 20);
        for (var k = d.ContentStart; k < end; k++)
        {
            if (_t[k].Norm is not ("ne" or "n")) continue;
            for (var j = k + 1; j < Math.Min(end, k + 4); j++)
            {
                // "n'avoir visé que des combattants", "ne frappent que des terroristes": a restriction denies hitting anything else.
                if (_t[j].Norm is "que" or "qu")
                {
                    for (var h = k + 1; h < j; h++)
                        if (ctx.Kb.DeniedHits.Contains(_t[h].Norm) || ctx.Kb.StrikeVerbs.Match(_t, h, j, out _) > 0) return true;
                    break;
                }
                // "n'a visé aucun civil", "n'a touché aucune école": "aucun" closes the negation as "pas" does.
                if (!Grammar.StrongNegations.Contains(_t[j].Norm) && !Grammar.NoneDeterminers.Contains(_t[j].Norm)) continue;
                // A simple tense puts the verb between "ne" and its negation: "la Russie ne visait jamais de civils".
                for (var h = k + 1; h < j; h++)
                    if (ctx.Kb.DeniedHits.Contains(_t[h].Norm) || ctx.Kb.StrikeVerbs.Match(_t, h, j, out _) > 0) return true;
                // "ne pas avoir mené de frappes": an infinitive and its auxiliary put the action a word further.
                for (var h = j + 1; h < Math.Min(end, j + 5); h++)
                {
                    if (ctx.Kb.DeniedHits.Contains(_t[h].Norm) || ctx.Kb.StrikeVerbs.Match(_t, h, end, out _) > 0) return true;
                    // "n'a pas mené de frappes", "n'a jamais lancé d'attaque": the action itself denied.
                    if (ctx.Kb.DeniedActions.Contains(_t[h].Norm) && _t[h - 1].Norm is "de" or "d") return true;
                }
            }
        }
        // "« aucune cible militaire » n'avait été touchée", "ce n'était « pas un accident »": a denial in the speaker's own words.
        for (var k = d.ContentStart; k + 1 < end; k++)
        {
            // "son aviation n'avait mené aucune opération", "aucune frappe n'a eu lieu": no action at all.
            if (Grammar.NoneDeterminers.Contains(_t[k].Norm) && (ctx.Kb.DeniedActions.Contains(_t[k + 1].Norm) || k + 2 < end && _t[k + 1].IsWord && ctx.Kb.DeniedActions.Contains(_t[k + 2].Norm))) return true;
            if (Grammar.NoneDeterminers.Contains(_t[k].Norm) && (NegatedHitAfter(k, end) || k > d.ContentStart && _t[k - 1].IsQuote)) return true;
            if (_t[k].Norm == "pas" && k > d.ContentStart && _t[k - 1].IsQuote) return true;
        }
        return false;
    }

    /// <summary>"il n'y avait aucun civil sur place", "La France n'a pas de « mercenaires »", "aucun soldat ne se trouvait dans
    /// l'école": the words deny that something was there or was had. The content words of what is denied (its noun and the words
    /// qualifying it, up to a preposition or a comma), or null.</summary>
    private HashSet<string>? DeniedPresence(StatementDraft d)
    {
        var kb = ctx.Kb;
        var end = Math.Min(d.ContentEnd, d.ContentStart + 40);
        for (var k = d.ContentStart; k < end; k++)
        {
            // "n'y a pas de X", "n'a aucun X", "ne possède pas de X".
            if (_t[k].Norm is "ne" or "n" && kb.HadForms.Match(_t, k + 1, end) is var len and > 0)
            {
                var j = k + 1 + len;
                var from = j < end && Grammar.NoneDeterminers.Contains(_t[j].Norm) ? j + 1
                    : j + 1 < end && (Grammar.StrongNegations.Contains(_t[j].Norm) || _t[j].Norm == "plus") && _t[j + 1].Norm is "de" or "d" ? j + 2 : -1;
                if (from > 0 && DeniedWords(from, end) is { Count: > 0 } words) return words;
            }
            // "aucun civil ne se trouvait", "aucun soldat n'était présent": the noun between "aucun" and the negated presence.
            if (Grammar.NoneDeterminers.Contains(_t[k].Norm))
                for (var h = k + 2; h < Math.Min(end, k + 6); h++)
                {
                    if (!_t[h].IsWord && !_t[h].IsQuote) break;
                    if (_t[h].Norm is "ne" or "n" && kb.PresenceForms.Match(_t, h + 1, end) > 0)
                    {
                        if (DeniedWords(k + 1, h) is { Count: > 0 } words) return words;
                        break;
                    }
                }
        }
        return null;
    }

    /// <summary>"l'EI n'est pas présent dans cette zone", "les jihadistes sont absents de la région": the group the words open with,
    /// said not to be there (a negated presence word, or an absence word, right after it), or null.</summary>
    private ActorEntry? AbsentGroup(StatementDraft d)
    {
        var kb = ctx.Kb;
        var end = Math.Min(d.ContentEnd, d.ContentStart + 12);
        // "il n'y a pas de combattants de l'EI dans cette région", "il n'y a aucun membre de l'EI": a presence denied outright; the
        // group is the first one named in the few words after.
        // The existential forms are dispute-cues.json's hadForms that open with "y" ("y a", "y avait", "y aurait").
        for (var k = d.ContentStart; k < d.ContentStart + 2 && k + 3 < d.ContentEnd; k++)
            if (_t[k].Norm == "n" && _t[k + 1].Norm == "y" && kb.HadForms.Match(_t, k + 1, k + 3) == 2 && Grammar.Negations.Contains(_t[k + 3].Norm))
            {
                foreach (var m in ctx.MentionsIn(k + 4, Math.Min(d.ContentEnd, k + 10)))
                    if (m.Actor is { Kind: "armed-group" } named) return named;
                return null;
            }
        foreach (var m in ctx.MentionsIn(d.ContentStart, end))
        {
            if (m.Actor is not { Kind: "armed-group" } group || m.Prep is not null) continue;
            var k = m.End;
            if (k < end && kb.AbsenceWords.Contains(_t[k].Norm)) return group;
            if (k + 1 < end && _t[k].Norm is "est" or "sont" or "etait" or "etaient" && kb.AbsenceWords.Contains(_t[k + 1].Norm)) return group;
            if (k + 3 < end && _t[k].Norm is "ne" or "n" && _t[k + 1].Norm is "est" or "sont" or "etait" or "etaient")
            {
                // "n'est pourtant pas présent": an adverb of the dispute-cues' adversatives may stand before the negation.
                var neg = k + 2 + (kb.Adversatives.Contains(_t[k + 2].Norm) ? 1 : 0);
                if (neg + 1 < end && Grammar.StrongNegations.Contains(_t[neg].Norm) && kb.PresenceWords.Contains(_t[neg + 1].Norm)) return group;
            }
            return null;
        }
        return null;
    }

    /// <summary>The armed group whose presence a denial's words name ("toute présence de l'EI", "la présence du Front al-Nosra";
    /// dispute-cues.json's presenceNouns), or null.</summary>
    private ActorEntry? PresenceDenied(StatementDraft d)
    {
        var k = d.ContentStart;
        if (k < d.ContentEnd && (Grammar.Determiners.Contains(_t[k].Norm) || Grammar.NounMarkers.Contains(_t[k].Norm))) k++;
        if (k + 1 >= d.ContentEnd || !ctx.Kb.PresenceNouns.Contains(_t[k].Norm) || _t[k + 1].Norm is not ("de" or "d" or "du" or "des")) return null;
        return ctx.MentionsIn(k + 1, Math.Min(d.ContentEnd, k + 6)).FirstOrDefault()?.Actor is { Kind: "armed-group" } group ? group : null;
    }

    /// <summary>"une base de miliciens et non un camp de réfugiés", "des dépôts et pas des maisons", "non pas des civils mais des
    /// combattants": the content words of what a correction sets aside, or none.</summary>
    private HashSet<string> SetAside(StatementDraft d)
    {
        var end = Math.Min(d.ContentEnd, d.ContentStart + 40);
        for (var k = d.ContentStart + 1; k + 1 < end; k++)
        {
            // "mais pas les missiles" restricts a success or a toll ("… détruit les drones, mais pas les missiles"): no correction.
            if (!(_t[k].Norm == "non" && _t[k - 1].Norm is "et" or "," || _t[k].Norm == "pas" && _t[k - 1].Norm is "et" or "non")) continue;
            // "non seulement", "pas seulement": an addition, not a correction.
            var from = _t[k].Norm == "non" && _t[k + 1].Norm == "pas" ? k + 2 : k + 1;
            if (from < end && ctx.Kb.Restrictions.Contains(_t[from].Norm)) continue;
            if (DeniedWords(from, end, throughOf: true) is { Count: > 0 } words) return words;
        }
        return [];
    }

    // The noun phrase a negation denies: its words up to a preposition, a conjunction or a comma (three at most; five through "de"
    // complements), as content words.
    private HashSet<string> DeniedWords(int from, int end, bool throughOf = false)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        for (var k = from; k < end && taken < (throughOf ? 5 : 3); k++)
        {
            if (_t[k].IsQuote || throughOf && _t[k].Norm is "de" or "d" or "du" or "des") continue;
            if (!_t[k].IsWord || Grammar.Prepositions.Contains(_t[k].Norm) || _t[k].Norm is "ni" or "et" or "ou" or "mais" or "que" or "qu" or "ne" or "n") break;
            taken++;
            if (_t[k].Norm.Length > 3 && ctx.Kb.Verbs.Match(_t, k, k + 1, out _) == 0) words.Add(_t[k].Norm.TrimEnd('s', 'x'));
        }
        return words;
    }

    /// <summary>"aucune cible militaire n'avait été touchée", "aucun civil n'a été tué": a hit denied a few words after "aucun"
    /// (its noun, the negation and the auxiliaries between), within the clause.</summary>
    private bool NegatedHitAfter(int k, int end)
    {
        for (var h = k + 2; h < Math.Min(end, k + 7); h++)
        {
            if (_t[h].Norm is "," or ";" or "." or "mais") return false;
            // Further than the original two words, only a passive hit ("n'a été tué"): in "aucune cible aérienne n'a atteint la
            // capitale" the noun is what strikes, not what is hit.
            if (ctx.Kb.DeniedHits.Contains(_t[h].Norm) && (h <= k + 3 || _t[h - 1].Norm == "ete")) return true;
        }
        return false;
    }

    // Content words per sentence, computed once: every dispute compares its sentence with the claims' sentences before it.
    private readonly Dictionary<int, HashSet<string>> _sentenceWords = new();

    private HashSet<string> SentenceWords(int sentence)
    {
        if (_sentenceWords.TryGetValue(sentence, out var words)) return words;
        var s = ctx.Doc.Sentences[sentence];
        return _sentenceWords[sentence] = ContentWords(s.First, s.End);
    }

    /// <summary>The sentence's words less those of the mentions of the disputant itself in it.</summary>
    private HashSet<string> WithoutOwnName(HashSet<string> words, StatementDraft d)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        HashSet<string>? own = null;
        foreach (var m in ctx.MentionsIn(s.First, s.End))
            if (m.Actor is { } a && a.Id == d.Speaker.Id) (own ??= new(StringComparer.Ordinal)).UnionWith(ContentWords(m.Start, m.End));
        if (own is null) return words;
        var rest = new HashSet<string>(words, StringComparer.Ordinal);
        rest.ExceptWith(own);
        return rest;
    }

    private HashSet<string> ContentWords(int first, int end)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var k = first; k < end; k++)
            // Singular and plural are one word ("un missile" answers "quatre missiles").
            if (_t[k].IsWord && _t[k].Norm.Length > 3 && ctx.Kb.Verbs.Match(_t, k, k + 1, out _) == 0 && !ctx.Kb.Auxiliaries.Contains(_t[k].Norm)) words.Add(_t[k].Norm.TrimEnd('s', 'x'));
        return words;
    }

    // The same dispute told again in the next sentence by the same voice ("a balayé les accusations…. « Les rumeurs … ne sont en
    // rien fondées », a-t-il déclaré") is one record, as the same strike told twice by one source is one.
    private List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)> WithoutRetellings(
        List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)> found, HashSet<Span> judged)
    {
        var kept = new List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)>();
        var lastSentence = new Dictionary<(string, string?), int>();
        var lastByDisputant = new Dictionary<string, int>(StringComparer.Ordinal);
        bool JustBefore(int previous, int sentence) => sentence - previous is 0 or 1 && ctx.Doc.Sentences[previous].Block == ctx.Doc.Sentences[sentence].Block;
        foreach (var f in found)
        {
            var sentence = SentenceAt(f.Span.Start);
            var key = (f.Disputant.Id, f.Party?.Id);
            if (lastSentence.TryGetValue(key, out var previous) && JustBefore(previous, sentence)) continue;
            if (judged.Contains(f.Span) && lastByDisputant.TryGetValue(f.Disputant.Id, out var before) && JustBefore(before, sentence)) continue;
            lastSentence[key] = sentence;
            lastByDisputant[f.Disputant.Id] = sentence;
            kept.Add(f);
        }
        return kept;
    }

    private int SentenceAt(int charOffset)
    {
        var sentences = ctx.Doc.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_t[sentences[mid].First].Start <= charOffset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    // How far back (in statements) a rejected claim is looked for: "cette information" points at what was just reported,
    // and a bound keeps a text of many repeated denials linear.
    private const int ClaimLookBack = 32;

    // The claims of the paragraph before the dispute (or of its own paragraph, before it) by other speakers.
    private List<StatementDraft> PreviousClaims(StatementDraft d, int index, bool sharedWordsOnly = false, bool pointedAt = false, Func<StatementDraft, bool>? accept = null)
    {
        var limit = _t[d.Cue.RegionStart].Start;
        bool IsClaim(StatementDraft x) => x.Span.End <= limit && (accept is null || accept(x)) && x.Speaker.Id != d.Speaker.Id && !d.Cue.Speakers.Any(co => co.Id == x.Speaker.Id) && !x.PointsBack && !ClaimReference.IsBare(x, _t, ctx.Kb, ctx.MentionAt);
        // Drafts are in reading order, so the claims before the cue lie before it in the list, a little after at most.
        var start = index;
        while (start + 1 < drafts.Count && drafts[start + 1].Span.Start < limit) start++;
        var stop = Math.Max(0, index - ClaimLookBack);
        // The claim the dispute answers shares its words ("…son pays aurait attaqué Barda" answers "une frappe … sur … Barda"):
        // among the claims before it, those sharing most content words with the dispute's sentence, when any shares one.
        // The disputant's own name is not the matter: "Le Pakistan a nié qu'il y ait eu des victimes" does not answer the first
        // claim to name Pakistan (where the strikes fell) rather than the toll told just before.
        var disputeWords = WithoutOwnName(SentenceWords(d.Sentence), d);
        var best = 0;
        var overlapping = new List<StatementDraft>();
        // "ces affirmations", "cette information", "mais Paris conteste": the words point at what was just reported, the
        // paragraph before (or this one), whatever words they share.
        for (var k = start; k >= stop && !pointedAt; k--)
        {
            if (!IsClaim(drafts[k])) continue;
            var shared = 0;
            foreach (var w in SentenceWords(drafts[k].Sentence)) if (disputeWords.Contains(w)) shared++;
            if (shared > best) { best = shared; overlapping.Clear(); }
            if (shared == best && shared > 0 && (overlapping.Count == 0 || overlapping[0].Speaker.Id == drafts[k].Speaker.Id)) overlapping.Add(drafts[k]);
        }
        if (best > 0) { overlapping.Reverse(); return overlapping; }
        // One government's account against another's sharing no words ("des chasseurs turcs ont frappé Tell Rifaat" … "Ankara
        // assure que son aviation n'a mené aucune opération"): the event is the same when the disputant is the striker the
        // claim reports (the striker, not the words, ties them).
        // Not for words that point at what was just reported ("a démenti ces accusations"): those take up the last claim, not an
        // earlier one telling the disputant's strikes.
        for (var k = start; k >= stop && !pointedAt; k--)
            if (IsClaim(drafts[k]) && ReportsStrikeBy(drafts[k], d.Speaker)) return [drafts[k]];
        if (sharedWordsOnly) return [];
        var last = -1;
        for (var k = start; k >= stop && last < 0; k--) if (IsClaim(drafts[k])) last = k;
        if (last < 0) return [];
        var block = ctx.Doc.Sentences[drafts[last].Sentence].Block;
        if (ctx.Doc.Sentences[d.Sentence].Block == block) return [drafts[last]];
        var result = new List<StatementDraft>();
        for (var k = last; k >= stop && ctx.Doc.Sentences[drafts[k].Sentence].Block >= block; k--)
            if (ctx.Doc.Sentences[drafts[k].Sentence].Block == block && IsClaim(drafts[k])) result.Add(drafts[k]);
        result.Reverse();
        return result;
    }

    /// <summary>The claim noun the dispute's words open with (up to <paramref name="reference"/>, its end) is "accusation(s)".</summary>
    private bool PointsAtAccusations(StatementDraft d, int reference)
    {
        for (var k = d.ContentStart; k < Math.Min(reference, d.ContentEnd); k++)
            if (_t[k].Norm is "accusation" or "accusations") return true;
        return false;
    }

    /// <summary>A denial leading the article answers the report told after it ("Les forces aérospatiales russes n'ont pas mené de
    /// frappes sur Idlib…" … "Le journal Kommersant a rapporté que l'aviation russe avait frappé… Idlib"): the first later claim, in
    /// the next few paragraphs, by a voice outside the disputant's camp, that tells a strike by the disputant's side at a place the
    /// denial names.</summary>
    private List<StatementDraft> FollowingClaims(StatementDraft d, int index)
    {
        var block = ctx.Doc.Sentences[d.Sentence].Block;
        for (var k = index + 1; k < Math.Min(drafts.Count, index + 1 + ClaimLookBack / 2); k++)
        {
            var x = drafts[k];
            if (ctx.Doc.Sentences[x.Sentence].Block > block + 3) break;
            if (x.Sentence <= d.Sentence || x.PointsBack || SameCamp(x.Speaker, d.Speaker) || ClaimReference.IsBare(x, _t, ctx.Kb, ctx.MentionAt)) continue;
            if (ReportsStrikeBy(x, d.Speaker) && SharesPlace(d.Sentence, x.Sentence)) return [x];
        }
        return [];
    }

    /// <summary>The claim told in the next two paragraphs by another camp, set against what precedes by an adversative adverb
    /// ("pourtant", "cependant": dispute-cues.json's adversatives) and sharing a content word with the denied words: what the denial is belied by. Empty when none.</summary>
    private List<StatementDraft> BeliedBy(StatementDraft d, int index)
    {
        var block = ctx.Doc.Sentences[d.Sentence].Block;
        var denied = ContentWords(d.ContentStart, d.ContentEnd);
        for (var k = index + 1; k < Math.Min(drafts.Count, index + 1 + ClaimLookBack / 2); k++)
        {
            var x = drafts[k];
            if (ctx.Doc.Sentences[x.Sentence].Block > block + 2) break;
            if (x.Sentence <= d.Sentence || x.PointsBack || SameCamp(x.Speaker, d.Speaker) || x.Cue.Verb is { Dispute: true }) continue;
            var s = ctx.Doc.Sentences[x.Sentence];
            // An adversative adverb within the sentence (not the conjunctions "mais" and "or", which open or join clauses).
            var against = false;
            for (var j = s.First + 1; j < s.End && !against; j++) against = ctx.Kb.Adversatives.Contains(_t[j].Norm) && _t[j].Norm is not ("mais" or "or");
            if (against && SentenceWords(x.Sentence).Overlaps(denied)) return [x];
        }
        return [];
    }

    // The two sentences name a place in common (a town or its province): the same event, not another strike told later.
    private bool SharesPlace(int a, int b)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        var sa = ctx.Doc.Sentences[a];
        for (var k = sa.First; k < sa.End; k++)
            if (ctx.PlaceAt[k] is { } p && !p.Place.IsCountry) { places.Add(p.Place.Id); if (p.Place.ProvinceId is { } prov) places.Add(prov); }
        var sb = ctx.Doc.Sentences[b];
        for (var k = sb.First; k < sb.End; k++)
            if (ctx.PlaceAt[k] is { } p && !p.Place.IsCountry && (places.Contains(p.Place.Id) || p.Place.ProvinceId is { } prov && places.Contains(prov))) return true;
        return false;
    }

    // Strikers reported per sentence, computed once from the strike drafts.
    private Dictionary<int, List<ActorEntry>>? _strikersBySentence;

    private bool ReportsStrikeBy(StatementDraft claim, ActorEntry disputant)
    {
        if (_strikersBySentence is null)
        {
            _strikersBySentence = new();
            foreach (var k in stances.StrikeDrafts)
                for (var si = k.FirstSentence; si <= k.LastSentence && si - k.FirstSentence < 4; si++)
                {
                    if (!_strikersBySentence.TryGetValue(si, out var list)) _strikersBySentence[si] = list = [];
                    if (list.Count < 8) list.Add(k.Perpetrator);
                }
        }
        if (claim.Speaker.Id == disputant.Id || claim.Speaker.ActsFor is { } cf && cf == (disputant.ActsFor ?? disputant.Id)) return false;
        for (var si = claim.Sentence; si <= claim.LastSentence && si - claim.Sentence < 4; si++)
            if (_strikersBySentence.TryGetValue(si, out var strikers))
                foreach (var p in strikers)
                    if (p.Id == disputant.Id || p.Id == disputant.ActsFor || p.Id == disputant.Side) return true;
        return false;
    }

    // The words that carry the dispute: the sentence, or within a long quotation the sentence of it that says so.
    private Span SentenceSpan(StatementDraft d)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        // "WASHINGTON, 7 octobre (Reuters) - Le Pentagone a estimé…": a wire dateline opening the sentence is not the words.
        var start = _t[Math.Min(ctx.Opening(s), s.End - 1)].Start;
        var end = _t[s.End - 1].End;
        if (d.Mode == Statement.Direct && d.ContentEnd - d.ContentStart > 25)
        {
            var a = d.ContentStart;
            for (var k = d.ContentStart; k < d.ContentEnd; k++)
            {
                if (_t[k].Norm is "." or "!" or "?" || k == d.ContentEnd - 1)
                {
                    var b = _t[k].Norm is "." or "!" or "?" ? k : k + 1;
                    var hasNeg = false;
                    for (var j = a; j < b; j++) if (ctx.Kb.DenialSpanWords.Contains(_t[j].Norm)) hasNeg = true;
                    if (hasNeg && b > a) return new Span(_t[a].Start, _t[b - 1].End);
                    a = k + 1;
                }
            }
        }
        return Trim(new Span(start, end));
    }

    private Span Trim(Span span)
    {
        var text = ctx.Doc.Text;
        var e = span.End;
        while (e > span.Start && text[e - 1] is '.' or ' ' or ',') e--;
        return new Span(span.Start, e);
    }
}
