using Claims.Extraction.Knowledge;
using Claims.Extraction.Statements;
using Claims.Extraction.Text;

namespace Claims.Extraction.Disputes;

/// <summary>Finds disputes: a contesting verb (balayer, démentir, nier, rejeter, contester, réfuter…) aimed at named
/// accusers or an actor; and accusations that the striker hits other than what it claims (a contrasted or negated stance
/// from outside the striker's camp: "ne ciblent pas principalement l'EI, mais d'autres groupes").</summary>
public sealed class DisputeReader(ArticleContext ctx, List<StatementDraft> drafts, StanceReader stances)
{
    private readonly List<Token> _t = ctx.Tokens;

    public IReadOnlyList<Dispute> Read()
    {
        var kb = ctx.Kb;
        var found = new List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span, string? Basis)>();
        // Accusations ("les accusations de X selon lesquelles…") by sentence: a dispute looks only at its own sentence's.
        var accusationsBySentence = drafts.Where(x => x.Cue.Kind == CueKind.Accusation).ToLookup(x => x.Sentence);
        for (var di = 0; di < drafts.Count; di++)
        {
            var d = drafts[di];
            if ((di & 63) == 0) ctx.Cancellation.ThrowIfCancellationRequested();
            if (d.Cue.Derived) continue;
            var reference = ClaimReference.Match(_t, d.ContentStart, d.ContentEnd, kb, out var anaphoric);
            // "ces accusations sont « de la pure propagande »", "a jugé ces affirmations « invérifiables »"
            var judgedUnfounded = reference >= 0 && anaphoric && Enumerable.Range(reference, Math.Max(0, d.ContentEnd - reference)).Any(k => kb.Unfounded.Match(_t, k, d.ContentEnd) > 0);
            if (d.Cue.Verb is not { Dispute: true } && !judgedUnfounded) continue;
            var s = ctx.Doc.Sentences[d.Sentence];
            var accusations = accusationsBySentence[d.Sentence].Where(x => x.Cue.RegionStart >= d.ContentStart).ToList();
            var parties = accusations.Select(x => x.Speaker).Distinct().ToList();
            if (parties.Count == 0 && !anaphoric && ctx.MentionsIn(d.ContentStart, d.ContentEnd).FirstOrDefault(m => m.Actor is not null && m.Actor.TargetClass is null)?.Actor is { } obj) parties.Add(obj);
            var claim = accusations.FirstOrDefault()?.Text ?? d.Text;
            string? basis = reference >= 0 ? Dispute.ReportedClaimRejected : null;
            if (parties.Count == 0 && reference >= 0)
            {
                // "a démenti cette information": the claim is the one the article reported just before, by someone else.
                var claims = PreviousClaims(d, di);
                parties.AddRange(claims.Select(c => c.Speaker).DistinctBy(a => a.Id));
                if (claims.Count > 0) claim = claims[^1].Text;
            }
            var span = Trim(new Span(_t[d.Cue.RegionStart].Start, _t[s.End - 1].End));
            if (parties.Count == 0 && d.DeniesOwnAction(_t))
            {
                // "a démenti avoir bombardé un hôpital": no one is named as the claimant.
                found.Add((d.Speaker, null, d.Text, span, Dispute.OwnActionDenied));
                continue;
            }
            foreach (var p in parties) if (p.Id != d.Speaker.Id) found.Add((d.Speaker, p, claim, span, basis));
        }
        foreach (var (d, stance) in stances.ByStatement)
        {
            if (stance.FromStrikerSide || stance.Position != TargetStance.Opposition || !stance.Contrastive) continue;
            var span = SentenceSpan(d);
            var claim = $"les frappes de {stance.Striker.Name} visent les groupes jihadistes (État islamique, « terroristes »)";
            found.Add((d.Speaker, stance.Striker, claim, span, null));
        }
        return found
            .DistinctBy(f => (f.Disputant.Id, f.Party?.Id, f.Span))
            .OrderBy(f => f.Span.Start)
            .Select((f, i) => new Dispute("d" + (i + 1), ArticleContext.Ref(f.Disputant), f.Party is null ? null : ArticleContext.Ref(f.Party), f.Claim,
                ctx.Doc.Text[f.Span.Start..f.Span.End], f.Span) { Basis = f.Basis })
            .ToList();
    }

    // How far back (in statements) a rejected claim is looked for: "cette information" points at what was just reported,
    // and a bound keeps a text of many repeated denials linear.
    private const int ClaimLookBack = 64;

    // The claims of the paragraph before the dispute (or of its own paragraph, before it) by other speakers.
    private List<StatementDraft> PreviousClaims(StatementDraft d, int index)
    {
        var limit = _t[d.Cue.RegionStart].Start;
        bool IsClaim(StatementDraft x) => x.Span.End <= limit && x.Speaker.Id != d.Speaker.Id && !ClaimReference.IsBare(x, _t, ctx.Kb, ctx.MentionAt);
        // Drafts are in reading order, so the claims before the cue lie before it in the list, a little after at most.
        var start = index;
        while (start + 1 < drafts.Count && drafts[start + 1].Span.Start < limit) start++;
        var stop = Math.Max(0, index - ClaimLookBack);
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

    // The words that carry the dispute: the sentence, or within a long quotation the sentence of it that says so.
    private Span SentenceSpan(StatementDraft d)
    {
        var s = ctx.Doc.Sentences[d.Sentence];
        var start = _t[s.First].Start;
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
                    for (var j = a; j < b; j++) if (_t[j].Norm is "pas" or "jamais" or "trop" or "mais" or "cesser") hasNeg = true;
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
