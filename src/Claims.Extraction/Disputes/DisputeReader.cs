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
        var found = new List<(ActorEntry Disputant, ActorEntry? Party, string Claim, Span Span)>();
        foreach (var d in drafts)
        {
            if (d.Cue.Verb is not { Dispute: true } || d.Cue.Derived) continue;
            var accusations = ctx.Doc.Sentences[d.Sentence] is var s
                ? drafts.Where(x => x.Cue.Kind == CueKind.Accusation && x.Sentence == d.Sentence && x.Cue.RegionStart >= d.ContentStart).ToList()
                : [];
            var parties = accusations.Select(x => x.Speaker).Distinct().ToList();
            if (parties.Count == 0 && ctx.MentionsIn(d.ContentStart, d.ContentEnd).FirstOrDefault(m => m.Actor is not null && m.Actor.TargetClass is null)?.Actor is { } obj) parties.Add(obj);
            if (parties.Count == 0) continue;
            var claim = accusations.FirstOrDefault()?.Text ?? d.Text;
            var span = new Span(_t[d.Cue.RegionStart].Start, _t[s.End - 1].End);
            foreach (var p in parties) if (p.Id != d.Speaker.Id) found.Add((d.Speaker, p, claim, Trim(span)));
        }
        foreach (var (d, stance) in stances.ByStatement)
        {
            if (stance.FromStrikerSide || stance.Position != TargetStance.Opposition || !stance.Contrastive) continue;
            var span = SentenceSpan(d);
            var claim = $"les frappes de {stance.Striker.Name} visent les groupes jihadistes (État islamique, « terroristes »)";
            found.Add((d.Speaker, stance.Striker, claim, span));
        }
        return found
            .DistinctBy(f => (f.Disputant.Id, f.Party?.Id, f.Span))
            .OrderBy(f => f.Span.Start)
            .Select((f, i) => new Dispute("d" + (i + 1), ArticleContext.Ref(f.Disputant), f.Party is null ? null : ArticleContext.Ref(f.Party), f.Claim,
                ctx.Doc.Text[f.Span.Start..f.Span.End], f.Span))
            .ToList();
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
