using Claims.Domain.Events;
using Claims.Extraction;

namespace Claims.Domain.Articles;

/// <summary>Between the extractor's model and the stored record events, both ways (the finder works on the extractor's model).</summary>
public static class RecordMapping
{
    /// <summary>The records of an extraction as events of <paramref name="articleId"/>, in the extractor's order.</summary>
    public static IReadOnlyList<object> ToEvents(string articleId, ArticleExtraction extraction)
    {
        var version = extraction.ExtractorVersion;
        var events = new List<object>();
        foreach (var s in extraction.Statements)
            events.Add(new StatementMade(articleId, s.Id, Actor(s.Speaker), s.Aliases.ToList(), s.Text, s.Mode, s.Span.Start, s.Span.End, Stance(s.Stance), version));
        foreach (var k in extraction.Strikes)
            events.Add(new StrikeReported(articleId, k.Id, Actor(k.Perpetrator), k.ReportedBy is null ? null : Actor(k.ReportedBy),
                k.Locations.Select(p => new PlaceData(p.Id, p.Name, p.Province)).ToList(), k.Targets.Select(Actor).ToList(), k.Weapon, k.Date,
                new Dictionary<string, int>(k.Counts), k.Text, k.Span.Start, k.Span.End, k.Scope, k.Weekday, Stance(k.Stance), version));
        foreach (var d in extraction.Disputes)
            events.Add(new ClaimDisputed(articleId, d.Id, Actor(d.Disputant), d.DisputedParty is null ? null : Actor(d.DisputedParty),
                d.Claim, d.Text, d.Span.Start, d.Span.End, version) { Basis = d.Basis });
        return events;
    }

    /// <summary>A stored record back in the extractor's model, for <see cref="Claims.Extraction.Contradictions.ContradictionFinder"/>.</summary>
    public static object ToExtractorRecord(object record) => record switch
    {
        StatementMade s => new Statement(s.RecordId, Ref(s.Speaker), s.Aliases, s.Text, s.Mode, new Span(s.Start, s.End)) { Stance = Stance(s.Stance) },
        StrikeReported k => new Strike(k.RecordId, Ref(k.Perpetrator), k.ReportedBy is null ? null : Ref(k.ReportedBy),
            k.Locations.Select(p => new PlaceRef(p.Id, p.Name, p.Province)).ToList(), k.Targets.Select(Ref).ToList(), k.Weapon, k.Date, k.Counts,
            k.Text, new Span(k.Start, k.End)) { Scope = k.Scope, Weekday = k.Weekday, Stance = Stance(k.Stance) },
        ClaimDisputed d => new Dispute(d.RecordId, Ref(d.Disputant), d.DisputedParty is null ? null : Ref(d.DisputedParty), d.Claim, d.Text, new Span(d.Start, d.End))
            { Basis = d.Basis },
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    public static bool IsRecord(object e) => e is StatementMade or StrikeReported or ClaimDisputed;

    public static string RecordId(object record) => record switch
    {
        StatementMade s => s.RecordId,
        StrikeReported k => k.RecordId,
        ClaimDisputed d => d.RecordId,
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    public static string TypeOf(object record) => record switch
    {
        StatementMade => RecordTypes.Statement,
        StrikeReported => RecordTypes.Strike,
        ClaimDisputed => RecordTypes.Dispute,
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    /// <summary>The actor a record is about in the API's views: speaker, perpetrator or disputant.</summary>
    public static ActorData MainActor(object record) => record switch
    {
        StatementMade s => s.Speaker,
        StrikeReported k => k.Perpetrator,
        ClaimDisputed d => d.Disputant,
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    public static (string Text, int Start, int End) Words(object record) => record switch
    {
        StatementMade s => (s.Text, s.Start, s.End),
        StrikeReported k => (k.Text, k.Start, k.End),
        ClaimDisputed d => (d.Text, d.Start, d.End),
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    /// <summary>The same record under another id (a re-extraction whose id is already taken in the stream).</summary>
    public static object WithId(object record, string id) => record switch
    {
        StatementMade s => s with { RecordId = id },
        StrikeReported k => k with { RecordId = id },
        ClaimDisputed d => d with { RecordId = id },
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    };

    /// <summary>What a record says, without its id and extractor version: two records with the same content are the same record.</summary>
    public static string Content(object record) => ClaimsEventTypes.ToJson(record switch
    {
        StatementMade s => s with { RecordId = "", ExtractorVersion = "" },
        StrikeReported k => k with { RecordId = "", ExtractorVersion = "" },
        ClaimDisputed d => d with { RecordId = "", ExtractorVersion = "" },
        _ => throw new ArgumentException($"not a record event: {record.GetType().Name}"),
    });

    /// <summary>A fact-checker's correction applied to a record: the record as it now stands.</summary>
    public static object Apply(object record, RecordCorrected correction) => correction.Kind switch
    {
        RecordCorrected.SpeakerKind => record switch
        {
            StatementMade s => s with { Speaker = correction.Speaker! },
            StrikeReported k => k with { ReportedBy = correction.Speaker },
            ClaimDisputed d => d with { Disputant = correction.Speaker! },
            _ => record,
        },
        RecordCorrected.TextKind => record switch
        {
            StatementMade s => s with { Text = correction.Text! },
            StrikeReported k => k with { Text = correction.Text! },
            ClaimDisputed d => d with { Text = correction.Text! },
            _ => record,
        },
        _ => record,
    };

    private static ActorData Actor(ActorRef a) => new(a.Id, a.Name);
    private static ActorRef Ref(ActorData a) => new(a.Id, a.Name);
    private static StanceData? Stance(TargetStance? s) => s is null ? null : new StanceData(Actor(s.Striker), s.Position, s.FromStrikerSide, s.Weekday);
    private static TargetStance? Stance(StanceData? s) => s is null ? null : new TargetStance(Ref(s.Striker), s.Position, s.FromStrikerSide, s.Weekday);
}
