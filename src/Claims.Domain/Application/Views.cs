using Claims.Domain.Articles;
using Claims.Domain.Events;

namespace Claims.Domain.Application;

/// <summary>Stored records as the contract serves them.</summary>
internal static class Views
{
    public static NamedRef Ref(ActorData a) => new(a.Id, a.Name);

    public static RecordView Record(string articleId, object record, string status, IReadOnlyList<string> contradictions) => record switch
    {
        StatementMade s => new RecordView(articleId, s.RecordId, RecordTypes.Statement, Ref(s.Speaker), s.Text, [s.Start, s.End])
        {
            Status = status, Aliases = s.Aliases, Mode = s.Mode, Contradictions = contradictions,
        },
        StrikeReported k => new RecordView(articleId, k.RecordId, RecordTypes.Strike, Ref(k.Perpetrator), k.Text, [k.Start, k.End])
        {
            Status = status, ReportedBy = k.ReportedBy is null ? null : Ref(k.ReportedBy), Locations = k.Locations.Select(p => new NamedRef(p.Id, p.Name)).ToList(),
            Targets = k.Targets.Select(Ref).ToList(), Weapon = k.Weapon, Date = k.Date, Counts = k.Counts, Contradictions = contradictions,
        },
        ClaimDisputed d => new RecordView(articleId, d.RecordId, RecordTypes.Dispute, Ref(d.Disputant), d.Text, [d.Start, d.End])
        {
            Status = status, DisputedParty = d.DisputedParty is null ? null : Ref(d.DisputedParty), Claim = d.Claim, Contradictions = contradictions,
        },
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };
}
