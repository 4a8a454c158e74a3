using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>Writes of the contradictions table shared by the finder's stages, as statements (in schema <c>s</c>) for
/// <see cref="ProjectionContext.Enqueue"/> to send with the statements around them.</summary>
internal static class ContradictionRows
{
    /// <summary>The statement that inserts or refreshes contradictions as current, flagged for <see cref="ReviewQueueRows.RefreshAsync"/> (status,
    /// queue key), in one statement; a new one takes its assignee and duplicate marking, if it had them before the finder
    /// last lost it. The record counts are its sides' own (a campaign's are set afterwards from its tallies: its sides hold
    /// only their first records).</summary>
    public static (string Sql, object?[] Parameters)? Upsert(string s, IReadOnlyList<(string Scope, Contradiction Found)> found)
    {
        // One statement cannot update a row twice: of one id met twice, the last stands, as when written one by one.
        found = found.GroupBy(f => f.Found.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (found.Count == 0) return null;
        // Positions and counts travel as one unit-separated string per row: unnest cannot take an array of arrays.
        return ($"""
            insert into {s}.contradictions (id, scope, about, kind, positions, record_counts, status, current, assignee, duplicate_of, stale)
            select x.id, x.scope, x.about, x.kind, string_to_array(x.positions, E'\x1f'), string_to_array(x.counts, E'\x1f')::int[], 'open', true,
                   a.assignee, d.duplicate_of, true
              from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) x(id, scope, about, kind, positions, counts)
              left join {s}.assignments a on a.contradiction_id = x.id
              left join {s}.duplicates d on d.contradiction_id = x.id
            on conflict (id) do update set scope = excluded.scope, about = excluded.about, kind = excluded.kind, positions = excluded.positions,
                record_counts = excluded.record_counts, current = true, stale = true
            """, [found.Select(f => f.Found.Id).ToArray(), found.Select(f => f.Scope).ToArray(), found.Select(f => f.Found.About).ToArray(),
            found.Select(f => f.Found.Kind).ToArray(), found.Select(f => string.Join('\x1f', f.Found.Sides.Select(x => x.Position))).ToArray(),
            found.Select(f => string.Join('\x1f', f.Found.Sides.Select(x => x.Records.Distinct().Count()))).ToArray()]);
    }

    /// <summary>What the review queue ranks a contradiction by, kept on each of its records as the record is added (see
    /// <see cref="ReviewQueueRows"/>): the article's outlet, day and ingestion time, the record's voice (a strike's reporter,
    /// else its speaker) and a strike's largest count.</summary>
    public const string FeatureColumns = "outlet text, voice text, day date not null, seen timestamptz not null, top int";

    /// <summary>The evidence a page of contradictions shows of each record (<see cref="Application.ReadModels"/>): its type,
    /// actor, verbatim words and span, and its article's publication date (the outlet is a feature column). Copied onto the
    /// record so that a page reads its records in one range of the side's index: read through the records table, the first
    /// page of the review queue (about 2 800 records at 3 100 articles) spent 20 of its 27 ms in one lookup a record. They are
    /// taken out of the payload by the record events' JSON names (<see cref="Articles.RecordMapping.MainActor"/> and
    /// <see cref="Articles.RecordMapping.Words"/> say the same in C#).</summary>
    public const string EvidenceColumns = "type text not null, actor_id text, actor_name text, words text, span_start int, span_end int, published_on date";

    /// <summary>The statement that adds contradiction records from <paramref name="source"/> (a query of contradiction id, side,
    /// seq, article id, record id, ord) with their <see cref="FeatureColumns"/> and <see cref="EvidenceColumns"/>, read from the
    /// records and articles tables as they stand: every write that changes those for a record (a correction included) also
    /// replaces its contradiction records (its article is touched), so the copies stay what the tables say.
    /// <paramref name="campaign"/>: whether they are a campaign's (see <see cref="ReviewQueueRows"/>: only those are tallied
    /// and indexed for the queue's aggregates).</summary>
    public static string InsertRecords(string s, string source, bool campaign) => $"""
        insert into {s}.contradiction_records (contradiction_id, side, seq, article_id, record_id, ord, outlet, voice, day, seen, top, campaign,
                                               type, actor_id, actor_name, words, span_start, span_end, published_on)
        select k.contradiction_id, k.side, k.seq, k.article_id, k.record_id, k.ord, a.outlet,
               case when r.type = '{RecordTypes.Strike}' then r.payload->'reportedBy'->>'id' else r.actor_id end,
               coalesce(a.published_on, (a.ingested_at at time zone 'UTC')::date), a.ingested_at,
               case when r.type = '{RecordTypes.Strike}' then (select max(n.value::int) from jsonb_each_text(r.payload->'counts') n
                                                              where n.value ~ '^[0-9]+$' and length(n.value) < 10) end,
               {(campaign ? "true" : "false")},
               r.type, r.actor_id,
               (case r.type when '{RecordTypes.Statement}' then r.payload->'speaker' when '{RecordTypes.Strike}' then r.payload->'perpetrator'
                            else r.payload->'disputant' end)->>'name',
               r.payload->>'text', (r.payload->>'start')::int, (r.payload->>'end')::int, a.published_on
          from ({source}) k(contradiction_id, side, seq, article_id, record_id, ord)
          join {s}.records r on r.article_id = k.article_id and r.record_id = k.record_id
          join {s}.articles a on a.article_id = k.article_id
        on conflict do nothing
        """;

    /// <summary>The statement that drops the contradictions no longer found that no one has ruled on (a verdict's history outlives its records).</summary>
    public static (string Sql, object?[] Parameters) DropUnreviewed(string s, string where, params object?[] parameters) => ($"""
            delete from {s}.contradictions c where not c.current and {where}
               and not exists (select 1 from {s}.verdicts v where v.contradiction_id = c.id)
            """, parameters);
}
