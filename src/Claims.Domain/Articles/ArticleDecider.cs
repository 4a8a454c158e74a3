using System.Collections.Immutable;
using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Deciding;

namespace Claims.Domain.Articles;

/// <summary>A command to one article's stream; Wolverine loads the stream named by the command's ArticleId.</summary>
public abstract record ArticleCommand;

/// <summary>Ingest an article with the records the extractor found (already mapped to events of this article).</summary>
public sealed record IngestArticle(ArticleIngested Article, IReadOnlyList<object> Records) : ArticleCommand
{
    public string ArticleId => Article.ArticleId;
}

/// <summary>New content for a stored article (same url): the new text and the records found in it.</summary>
public sealed record ReviseArticle(ArticleRevised Revision, IReadOnlyList<object> Records) : ArticleCommand;

/// <summary>The records a newer extractor finds in the stored text.</summary>
public sealed record ReExtractArticle(string ArticleId, string ExtractorVersion, IReadOnlyList<object> Records, DateTimeOffset At) : ArticleCommand;

/// <summary>A fact-checker corrects one record. Kind: "speaker" | "text" | "not-a-claim".</summary>
public sealed record CorrectRecord(string ArticleId, string RecordId, string Kind, ActorData? Speaker, string? Text, string? Note, string Reviewer, DateTimeOffset At) : ArticleCommand
{
    /// <summary>The stream version the reviewer saw (If-Match); null: no check.</summary>
    public long? ExpectedVersion { get; init; }
}

/// <summary>The article stream's decisions. Pure: no clock, no I/O (times and extractions come in with the command).</summary>
public static class ArticleDecider
{
    public static readonly Decider<ArticleCommand, object, ArticleState> Decider = new(Decide, Evolve, ArticleState.None);

    public static IReadOnlyList<object> Decide(ArticleCommand command, ArticleState state) => command switch
    {
        IngestArticle ingest when !state.Exists => [ingest.Article, .. ingest.Records],
        IngestArticle ingest when ingest.Article.ContentHash == state.ContentHash => [], // the same content again: nothing to say
        IngestArticle ingest => Revise(state, new ArticleRevised(state.ArticleId!, ingest.Article.Source, ingest.Article.Outlet, ingest.Article.Title,
            ingest.Article.PublishedOn, ingest.Article.Language, ingest.Article.ContentHash, ingest.Article.Text, ingest.Article.ExtractorVersion,
            ingest.Article.IngestedBy, ingest.Article.IngestedAt), ingest.Records),
        ReviseArticle revise => Revise(Existing(state), revise.Revision, revise.Records),
        ReExtractArticle re => ReExtract(Existing(state), re),
        CorrectRecord correct => Correct(Existing(state), correct),
        _ => throw new ArgumentException($"unknown command {command.GetType().Name}"),
    };

    private static ArticleState Existing(ArticleState state) =>
        state.Exists ? state : throw new NotFoundException("The article");

    private static IReadOnlyList<object> Revise(ArticleState state, ArticleRevised revision, IReadOnlyList<object> records)
    {
        if (revision.ContentHash == state.ContentHash) return [];
        return [revision, .. Difference(state, records, "revised", revision.ExtractorVersion)];
    }

    private static IReadOnlyList<object> ReExtract(ArticleState state, ReExtractArticle re)
    {
        if (re.ExtractorVersion == state.ExtractorVersion) return [];
        return [new ArticleReExtracted(state.ArticleId!, state.ExtractorVersion!, re.ExtractorVersion, re.At),
            .. Difference(state, re.Records, "re-extracted", re.ExtractorVersion)];
    }

    /// <summary>
    /// What changed between the records that stand and the new ones: records with the same content (whatever their
    /// id) are kept as they are, with their corrections; the others are retracted, and the new ones added. Ids are
    /// never reused: a new record whose id was ever taken in this stream gets a suffix.
    /// </summary>
    private static IEnumerable<object> Difference(ArticleState state, IReadOnlyList<object> records, string reason, string extractorVersion)
    {
        var old = state.All.Where(r => !r.Record.Withdrawn).ToList();
        var unmatched = old.GroupBy(r => RecordMapping.Content(r.Record.Original)).ToDictionary(g => g.Key, g => new Queue<string>(g.Select(r => r.Id)));
        var added = new List<object>();
        foreach (var record in records)
        {
            if (unmatched.TryGetValue(RecordMapping.Content(record), out var ids) && ids.Count > 0) { ids.Dequeue(); continue; }
            added.Add(record);
        }
        var gone = unmatched.Values.SelectMany(q => q).ToHashSet();
        var retracted = old.Where(r => gone.Contains(r.Id))
            .Select(r => (object)new RecordRetracted(state.ArticleId!, r.Id, reason, extractorVersion)).ToList();

        var taken = state.Records.Keys.ToHashSet();
        var renamed = added.Select(record =>
        {
            var id = RecordMapping.RecordId(record);
            if (taken.Add(id)) return record;
            for (var n = 2; ; n++)
                if (taken.Add($"{id}.{n}")) return RecordMapping.WithId(record, $"{id}.{n}");
        });
        return retracted.Concat(renamed).ToList();
    }

    private static IReadOnlyList<object> Correct(ArticleState state, CorrectRecord c)
    {
        if (!state.Records.TryGetValue(c.RecordId, out var record)) throw new NotFoundException($"Record '{c.RecordId}' of article '{state.ArticleId}'");
        if (!RecordCorrected.Kinds.Contains(c.Kind))
            throw new RequestValidationException("kind", $"kind must be one of {string.Join(", ", RecordCorrected.Kinds)} (got '{c.Kind}').");
        if (record.Withdrawn) throw new RequestValidationException("recordId", $"record '{c.RecordId}' was retracted ({record.Status}); it cannot be corrected.");
        if (c.Kind == RecordCorrected.SpeakerKind && c.Speaker is null) throw new RequestValidationException("speaker", "a speaker correction needs the right speaker.");
        if (c.Kind == RecordCorrected.TextKind && string.IsNullOrWhiteSpace(c.Text)) throw new RequestValidationException("text", "a text correction needs the right words.");
        return [new RecordCorrected(state.ArticleId!, c.RecordId, c.Kind, c.Kind == RecordCorrected.SpeakerKind ? c.Speaker : null,
            c.Kind == RecordCorrected.TextKind ? c.Text : null, c.Note, c.Reviewer, c.At)];
    }

    public static ArticleState Evolve(ArticleState state, object e) => e switch
    {
        ArticleIngested i => state with
        {
            ArticleId = i.ArticleId, Url = i.Url, Outlet = i.Outlet, Title = i.Title, PublishedOn = i.PublishedOn, Language = i.Language,
            ContentHash = i.ContentHash, ExtractorVersion = i.ExtractorVersion, Text = i.Text, Source = i.Source, IngestedAt = i.IngestedAt,
        },
        ArticleRevised r => state with
        {
            Outlet = r.Outlet ?? state.Outlet, Title = r.Title ?? state.Title, PublishedOn = r.PublishedOn ?? state.PublishedOn, Language = r.Language,
            ContentHash = r.ContentHash, ExtractorVersion = r.ExtractorVersion, Text = r.Text, Source = r.Source,
        },
        ArticleReExtracted x => state with { ExtractorVersion = x.ToVersion },
        StatementMade or StrikeReported or ClaimDisputed => state with
        {
            Records = state.Records.SetItem(RecordMapping.RecordId(e), new ArticleRecordState(e, e, RecordStatus.Active, state.Records.Count, [])),
        },
        RecordRetracted r when state.Records.TryGetValue(r.RecordId, out var record) => state with
        {
            Records = state.Records.SetItem(r.RecordId, record with { Status = RecordStatus.Retracted, Withdrawn = true }),
        },
        RecordCorrected c when state.Records.TryGetValue(c.RecordId, out var record) => state with
        {
            Records = state.Records.SetItem(c.RecordId, record with
            {
                Current = RecordMapping.Apply(record.Current, c),
                Status = c.Kind == RecordCorrected.NotAClaimKind ? RecordStatus.Retracted : RecordStatus.Corrected,
                Corrections = record.Corrections.Add(c),
            }),
        },
        _ => state,
    };
}
