using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Domain.Actors;
using Claims.Domain.Contradictions.Queue;
using Claims.Domain.Events;
using Claims.Domain.Projections;
using Claims.Domain.Projections.Running;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Domain.Application;

/// <summary>Reads of the projections' tables: plain SQL over the schemas of the projection versions this process runs.</summary>
internal sealed class ReadModels(NpgsqlDataSource dataSource, IReadOnlyList<TableProjection> projections)
{
    private string Ledger => SchemaOf(LedgerProjection.ProjectionName);
    private string Contra => SchemaOf(ContradictionsProjection.ProjectionName);
    private string Strikes => SchemaOf(StrikesProjection.ProjectionName);

    public string SchemaOf(string projection) => projections.Single(p => p.Projection.Name == projection).Schema;

    /// <summary>Whether this process runs <paramref name="projection"/> (a store may be given fewer read models: a benchmark's has none).</summary>
    public bool Runs(string projection) => projections.Any(p => p.Projection.Name == projection);

    public static readonly IReadOnlyList<string> Statuses = ["open", .. ContradictionVerdictRecorded.Verdicts, "reopened", "duplicate"];

    public Task<IReadOnlyList<ArticleSummary>> ArticlesAsync(CancellationToken ct) => ArticlesAsync(null, ct);

    /// <summary>Articles newest first; with a page, those after its `after` article (whose place is looked up: an id this
    /// server does not know is refused, not read as "from the start"), at most its limit. Without one, all of them.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ArticlesAsync(ArticlePage? page, CancellationToken ct)
    {
        DateTimeOffset? afterIngestedAt = null;
        if (page?.After is { } after)
        {
            await using var find = dataSource.CreateCommand($"select ingested_at from {Ledger}.articles where article_id = $1");
            find.Parameters.Add(new() { Value = after, NpgsqlDbType = NpgsqlDbType.Text });
            afterIngestedAt = await find.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero)
                : throw new RequestValidationException("after", $"after must be the id of an article of a previous page (no article '{after}').");
        }
        await using var command = dataSource.CreateCommand($"""
            select a.article_id, a.url, a.outlet, a.title, a.published_on, a.ingested_at,
                   (select count(*) from {Ledger}.records r where r.article_id = a.article_id and r.status <> 'retracted')
              from {Ledger}.articles a
             where $1::timestamptz is null or a.ingested_at < $1 or (a.ingested_at = $1 and a.article_id > $2)
             order by a.ingested_at desc, a.article_id limit $3
            """);
        command.Parameters.Add(new() { Value = (object?)afterIngestedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)page?.After ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)page?.Limit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ArticleSummary>();
        while (await reader.ReadAsync(ct))
            list.Add(new ArticleSummary(reader.GetString(0), Str(reader, 1), Str(reader, 2), Str(reader, 3), Date(reader, 4), (int)reader.GetInt64(6),
                reader.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    public async Task<IReadOnlyList<ActorSummary>> ActorsAsync(string? search, string? actorId, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(search) ? null : SearchKey.Of(search);
        await using var command = dataSource.CreateCommand($"""
            select a.actor_id, a.name, a.affiliation,
                   (select coalesce(jsonb_agg(al.alias order by al.alias), '[]'::jsonb)::text from {Ledger}.actor_aliases al where al.actor_id = a.actor_id and al.alias <> a.name),
                   a.records
              from {Ledger}.actors a
             where a.records > 0
               and ($1::text is null or exists (select 1 from {Ledger}.actor_aliases al where al.actor_id = a.actor_id and al.search_key like '%' || $1 || '%'))
               and ($2::text is null or a.actor_id = $2)
             order by a.records desc, a.name
            """);
        command.Parameters.Add(new() { Value = (object?)key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)actorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ActorSummary>();
        while (await reader.ReadAsync(ct))
            list.Add(new ActorSummary(reader.GetString(0), reader.GetString(1), JsonNode.Parse(reader.GetString(3))!.AsArray().Select(n => (string)n!).ToList(),
                Str(reader, 2), reader.GetInt32(4)));
        return list;
    }

    /// <summary>An actor's ledger entries in ledger order (date, unknown dates last; article; the order the stream made them),
    /// from <paramref name="after"/> on, at most <paramref name="limit"/>; and the cursor of the next page, if there is one.</summary>
    public async Task<(List<(string Role, LedgerEntry Entry)> Entries, string? Next)> LedgerEntriesAsync(string actorId, LedgerCursor? after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select o.role, r.article_id, r.record_id, r.type, r.status, r.payload::text, a.outlet, a.title, a.published_on, o.sort_date, o.ord,
                   {ContradictionIdsOf("r.article_id", "r.record_id")}
              from {Ledger}.roles o join {Ledger}.records r on r.article_id = o.article_id and r.record_id = o.record_id
              join {Ledger}.articles a on a.article_id = r.article_id
             where o.actor_id = $1 and ($2::date is null or (o.sort_date, o.article_id, o.ord, o.role) > ($2::date, $3::text, $4::bigint, $5::text))
             order by o.sort_date, o.article_id, o.ord, o.role limit $6
            """);
        command.Parameters.Add(new() { Value = actorId });
        command.Parameters.Add(new() { Value = (object?)after?.SortDate ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = (object?)after?.ArticleId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)after?.Ord ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = (object?)after?.Role ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit + 1 });  // one more tells whether a next page exists
        var rows = new List<(string Role, LedgerEntry Entry, LedgerCursor Cursor)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var record = ClaimsEventTypes.RecordFromJson(reader.GetString(3), reader.GetString(5));
                var entry = new LedgerEntry(reader.GetString(1), Str(reader, 6), Str(reader, 7), Date(reader, 8),
                    Views.Record(reader.GetString(1), record, reader.GetString(4), reader.GetFieldValue<string[]>(11)));
                rows.Add((reader.GetString(0), entry, new LedgerCursor(reader.GetFieldValue<DateOnly>(9), reader.GetString(1), reader.GetInt64(10), reader.GetString(0))));
            }
        var next = rows.Count > limit ? rows[limit - 1].Cursor.Encode() : null;
        if (rows.Count > limit) rows.RemoveRange(limit, rows.Count - limit);
        return (rows.Select(r => (r.Role, r.Entry)).ToList(), next);
    }

    /// <summary>The current contradictions each record takes part in.</summary>
    public async Task<Dictionary<(string, string), IReadOnlyList<string>>> ContradictionIdsAsync(IReadOnlyList<(string ArticleId, string RecordId)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IReadOnlyList<string>>();
        if (keys.Count == 0) return result;
        await using var command = dataSource.CreateCommand($"""
            select k.article_id, k.record_id, {ContradictionIdsOf("k.article_id", "k.record_id")} from unnest($1::text[], $2::text[]) k(article_id, record_id)
            """);
        command.Parameters.Add(new() { Value = keys.Select(k => k.ArticleId).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.RecordId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetString(1))] = reader.GetFieldValue<string[]>(2);
        return result;
    }

    /// <summary>SQL: the ids of the contradictions the record (<paramref name="article"/>, <paramref name="record"/>) takes
    /// part in, in id order; one rule for the article view, the ledger and the claim review.</summary>
    private string ContradictionIdsOf(string article, string record) =>
        $"array(select distinct cr.contradiction_id from {Contra}.contradiction_records cr where cr.article_id = {article} and cr.record_id = {record} order by 1)";

    /// <summary>Contradictions in id order, or in the queue's priority order (<see cref="ReviewPriority"/>): those after
    /// <paramref name="page"/>'s `after` in that order, at most its limit, each side with its first `recordsPerSide` records
    /// (a striker's campaign can gather thousands) and its full count; with the duplicates marked of each, and what joined a
    /// reopened one since its verdict.</summary>
    public async Task<IReadOnlyList<ContradictionView>> ContradictionsAsync(string[]? ids, string[]? statuses, string[]? actorIds, ContradictionPage page, CancellationToken ct,
        bool byPriority = false, string? assignee = null, string[]? duplicatesOf = null)
    {
        var after = byPriority
            ? $"(c.queue_rank, c.id) > (select a.queue_rank, a.id from {Contra}.contradictions a where a.id = $4)"
            : "c.id > $4";
        // One status is an equality, so that a page of it is a range of the (status, key, id) index.
        var status = statuses is { Length: > 1 } ? "c.status = any($8)" : "c.status = $2";
        await using var command = dataSource.CreateCommand($"""
            select c.id, c.about, c.kind, c.status, c.positions, c.record_counts, c.assignee, c.duplicate_of,
                   c.outlets, c.voices, c.official, c.top_count, c.latest, c.recent_articles,
                   (select max(n.latest) from {Contra}.contradictions n where n.current)
              from {Contra}.contradictions c
             where (c.current or $1::text[] is not null) and ($1::text[] is null or c.id = any($1)) and ($2::text is null or {status})
               and ($3::text[] is null or exists (select 1 from {Contra}.contradiction_records cr join {Contra}.records r
                        on r.article_id = cr.article_id and r.record_id = cr.record_id where cr.contradiction_id = c.id and r.actor_ids && $3::text[]))
               and ($4::text is null or {after})
               and ($6::text is null or ($6 = '{ContradictionQuery.Unassigned}' and c.assignee is null) or c.assignee = $6)
               and ($7::text[] is null or c.duplicate_of = any($7))
             order by {(byPriority ? "c.queue_rank, c.id" : "c.id")} limit $5
            """);
        command.Parameters.Add(new() { Value = (object?)ids ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)statuses?[0] ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)actorIds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)page.After ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = page.Limit });
        command.Parameters.Add(new() { Value = (object?)assignee ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)duplicatesOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)statuses ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var rows = new List<(ContradictionView View, string[] Positions, int[] Counts)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                // No priority without its features, or without a current contradiction to count recency from.
                var priority = reader.IsDBNull(12) || reader.IsDBNull(14) ? new QueuePriority(0, []) : ReviewPriority.Shown(
                    new PriorityFeatures(reader.GetFieldValue<int[]>(8), reader.GetFieldValue<int[]>(9), reader.GetFieldValue<bool[]>(10), reader.GetInt32(11),
                        reader.GetFieldValue<DateOnly>(12), reader.GetInt32(13)), reader.GetFieldValue<DateOnly>(14));
                rows.Add((new ContradictionView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), [])
                {
                    Assignee = Str(reader, 6), DuplicateOf = Str(reader, 7), Priority = priority.Priority, Reasons = priority.Reasons,
                }, reader.GetFieldValue<string[]>(4), reader.GetFieldValue<int[]>(5)));
            }
        if (rows.Count == 0) return [];

        var (records, history, added, duplicated) = await SidesAndVerdictsAsync(rows.SelectMany(r => r.Positions.Select((_, side) => (r.View.Id, side))).ToList(),
            rows.Where(r => r.View.Status == "reopened").SelectMany(r => r.Positions.Select((_, side) => (r.View.Id, side))).ToList(), page.RecordsPerSide, ct);
        // A duplicate shows under the contradiction it duplicates, with its records (duplicates of duplicates are refused);
        // read only for a page that has any, as most have none (two round trips saved).
        var duplicates = duplicatesOf is not null || duplicated.Count == 0 ? [] :
            (await ContradictionsAsync(null, null, null, new ContradictionPage(null, ContradictionPage.MaxLimit, page.RecordsPerSide), ct,
                duplicatesOf: [.. duplicated]))
            .GroupBy(d => d.DuplicateOf!).ToDictionary(g => g.Key, g => (IReadOnlyList<ContradictionView>)g.ToList());
        return rows.Select(r =>
        {
            var reopened = r.View.Status == "reopened";
            var joined = added.GetValueOrDefault(r.View.Id, ([], 0));
            return r.View with
            {
                Sides = r.Positions.Select((position, side) => new ContradictionSideView(position, records.GetValueOrDefault((r.View.Id, side), []))
                    { RecordCount = side < r.Counts.Length ? r.Counts[side] : 0 }).ToList(),
                History = history.GetValueOrDefault(r.View.Id, []),
                NewSinceVerdict = reopened ? joined.Records : null,
                NewSinceVerdictCount = reopened ? joined.Count : null,
                Duplicates = duplicates.GetValueOrDefault(r.View.Id),
            };
        }).ToList();
    }

    /// <summary>
    /// In one round trip: the first records of each (contradiction, side), in the finder's order, with the evidence (verbatim
    /// words and span); the verdict history of each contradiction; the first records of each side of
    /// <paramref name="reopened"/> that joined after the contradiction's latest verdict, in the same order, and how many
    /// joined in all; and which of the contradictions have current duplicates. The evidence is copied on each contradiction
    /// record when it is written (<see cref="Projections.ContradictionRows.EvidenceColumns"/>): a page can hold thousands of
    /// records, and neither parsing each payload here nor looking each record up in the records table is cheap at that count.
    /// </summary>
    private async Task<(Dictionary<(string, int), IReadOnlyList<ContradictionRecord>> Sides, Dictionary<string, IReadOnlyList<VerdictView>> Verdicts,
            Dictionary<string, (IReadOnlyList<ContradictionRecord> Records, int Count)> Added, IReadOnlyList<string> Duplicated)>
        SidesAndVerdictsAsync(IReadOnlyList<(string Id, int Side)> sides, IReadOnlyList<(string Id, int Side)> reopened, int perSide, CancellationToken ct)
    {
        const string evidence = "article_id, record_id, type, outlet, published_on, actor_id, actor_name, words, span_start, span_end";
        await using var batch = dataSource.CreateBatch();
        // Each side's first records are one range of the side's index, in the finder's order. The statement does not order
        // its output: numbering each side's rows and sorting the page's thousands of wide rows by side and number was about
        // 2 of its 7 ms on the review queue's first page (100 000 events, pgbench); each side is put in the finder's order
        // here instead, which costs a pass over rows that come in that order anyway (InFinderOrder).
        var records = new NpgsqlBatchCommand($"""
            select x.contradiction_id, x.side, {evidence}, x.seq, x.ord
              from unnest($1::text[], $2::int[]) q(contradiction_id, side)
             cross join lateral (select cr.contradiction_id, cr.side, cr.seq, cr.ord, {evidence}
                                   from {Contra}.contradiction_records cr
                                  where cr.contradiction_id = q.contradiction_id and cr.side = q.side
                                  order by cr.seq, cr.article_id collate "C", cr.ord limit $3) x
            """);
        records.Parameters.Add(new() { Value = sides.Select(s => s.Id).ToArray() });
        records.Parameters.Add(new() { Value = sides.Select(s => s.Side).ToArray() });
        records.Parameters.Add(new() { Value = perSide });
        var verdicts = new NpgsqlBatchCommand(
            $"select contradiction_id, verdict, note, reviewer, recorded_at from {Contra}.verdicts where contradiction_id = any($1) order by position");
        verdicts.Parameters.Add(new() { Value = sides.Select(s => s.Id).Distinct().ToArray() });
        // Kept by the read model as records come and go (Projections.ReviewQueueRows): not a pass over each reopened
        // contradiction's records against its verdict's snapshot, thousands for a striker's campaign. Each side's first ones,
        // as many as a side shows, one range of the side's index in the finder's order (the rows keep their records' place),
        // and how many joined in all (kept as they come and go, not counted here): a ruled campaign keeps gathering records
        // until the next verdict, and listing them all put every one of them on every page that showed it.
        var added = new NpgsqlBatchCommand($"""
            select cr.contradiction_id, cr.side, {evidence}, cr.seq, cr.ord
              from unnest($1::text[], $2::int[]) q(id, side_of)
             cross join lateral (select n.contradiction_id, n.side, n.article_id, n.record_id
                                   from {Contra}.new_since_verdict n
                                  where n.contradiction_id = q.id and n.side = q.side_of
                                  order by n.seq, n.article_id collate "C", n.ord limit $3) n
              join {Contra}.contradiction_records cr using (contradiction_id, side, article_id, record_id)
            """);
        added.Parameters.Add(new() { Value = reopened.Select(s => s.Id).ToArray() });
        added.Parameters.Add(new() { Value = reopened.Select(s => s.Side).ToArray() });
        added.Parameters.Add(new() { Value = perSide });
        var joined = new NpgsqlBatchCommand($"select contradiction_id, n from {Contra}.joined_counts where contradiction_id = any($1)");
        joined.Parameters.Add(new() { Value = reopened.Select(s => s.Id).Distinct().ToArray() });
        var duplicated = new NpgsqlBatchCommand($"select distinct duplicate_of from {Contra}.contradictions where duplicate_of = any($1) and current");
        duplicated.Parameters.Add(new() { Value = sides.Select(s => s.Id).Distinct().ToArray() });
        batch.BatchCommands.Add(records);
        batch.BatchCommands.Add(verdicts);
        batch.BatchCommands.Add(duplicated);
        // Most pages hold no reopened contradiction, and planning what joined cost about 1 ms (pg_stat_statements, review
        // queue pages at 100 000 events) where running it finds nothing: sent only for a page that has any.
        if (reopened.Count > 0)
        {
            batch.BatchCommands.Add(added);
            batch.BatchCommands.Add(joined);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var sideLists = await SideListsAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var verdictLists = new Dictionary<string, List<VerdictView>>();
        while (await reader.ReadAsync(ct))
        {
            if (!verdictLists.TryGetValue(reader.GetString(0), out var list)) verdictLists[reader.GetString(0)] = list = [];
            list.Add(new VerdictView(reader.GetString(1), Str(reader, 2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        await reader.NextResultAsync(ct);
        var duplicatedIds = new List<string>();
        while (await reader.ReadAsync(ct)) duplicatedIds.Add(reader.GetString(0));
        var addedSides = await reader.NextResultAsync(ct) ? await SideListsAsync(reader, ct) : [];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (await reader.NextResultAsync(ct))
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt32(1);
        // What joined is listed side after side, each in the finder's order.
        var addedBySide = addedSides.OrderBy(kv => kv.Key.Item2).ToLookup(kv => kv.Key.Item1, StringComparer.Ordinal);
        var addedLists = counts.ToDictionary(kv => kv.Key,
            kv => ((IReadOnlyList<ContradictionRecord>)addedBySide[kv.Key].SelectMany(side => InFinderOrder(side.Value)).ToList(), kv.Value), StringComparer.Ordinal);
        return (sideLists.ToDictionary(kv => kv.Key, kv => InFinderOrder(kv.Value)),
            verdictLists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<VerdictView>)kv.Value), addedLists, duplicatedIds);
    }

    /// <summary>Reads a result of side records (contradiction id, side, the evidence, seq, ord) into each side's list.</summary>
    private static async Task<Dictionary<(string, int), List<SideRecord>>> SideListsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var sideLists = new Dictionary<(string, int), List<SideRecord>>();
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetInt32(1));
            if (!sideLists.TryGetValue(key, out var list)) sideLists[key] = list = [];
            list.Add(new SideRecord(reader.GetInt32(12), reader.GetInt64(13), EvidenceAt(reader)));  // seq and ord follow the evidence
        }
        return sideLists;
    }

    /// <summary>A side's record with the rest of the finder's order keys: its sequence in the side and its place in its article.</summary>
    private readonly record struct SideRecord(int Seq, long Ord, ContradictionRecord Record);

    // The index's order is (seq, article_id collate "C", ord); article ids are ASCII ("article-" and hex), so ordinal
    // comparison is the "C" collation's byte order. Sorted only when a side did not arrive in that order.
    private static IReadOnlyList<ContradictionRecord> InFinderOrder(List<SideRecord> side)
    {
        static int Compare(SideRecord a, SideRecord b)
        {
            var c = a.Seq.CompareTo(b.Seq);
            if (c == 0) c = string.CompareOrdinal(a.Record.ArticleId, b.Record.ArticleId);
            return c != 0 ? c : a.Ord.CompareTo(b.Ord);
        }
        for (var i = 1; i < side.Count; i++)
            if (Compare(side[i - 1], side[i]) > 0)
            {
                side.Sort(Compare);
                break;
            }
        return side.ConvertAll(r => r.Record);
    }

    // One record of the evidence columns, which start at column 2.
    private static ContradictionRecord EvidenceAt(NpgsqlDataReader reader) =>
        new(reader.GetString(2), reader.GetString(3), reader.GetString(4), new NamedRef(reader.GetString(7), reader.GetString(8)),
            reader.GetString(9), [reader.GetInt32(10), reader.GetInt32(11)]) { Outlet = Str(reader, 5), PublishedOn = Date(reader, 6) };

    /// <summary>The team's figures (<see cref="ReviewStats"/>); "the last 7 days" end at <paramref name="now"/>.</summary>
    public async Task<ReviewStats> ReviewStatsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var totals = new NpgsqlBatchCommand($"""
            select (select count(*)::int from {Contra}.contradictions where current and status = 'open'),
                   (select count(*)::int from {Contra}.contradictions where current and status in ('open', 'reopened') and assignee is not null),
                   (select count(*)::int from {Contra}.contradictions where current and status = 'reopened'),
                   (select count(*)::int from {Contra}.verdicts where recorded_at > $1 - interval '7 days' and recorded_at <= $1),
                   (select percentile_cont(0.5) within group (order by extract(epoch from f.first_verdict - c.first_seen) / 3600)
                      from {Contra}.contradictions c
                      join (select contradiction_id, min(recorded_at) as first_verdict from {Contra}.verdicts group by contradiction_id) f on f.contradiction_id = c.id
                     where c.first_seen is not null)
            """);
        totals.Parameters.Add(new() { Value = now });
        var reviewers = new NpgsqlBatchCommand($"""
            select reviewer, sum(assigned)::int, sum(decided)::int from (
                select assignee as reviewer, 1 as assigned, 0 as decided from {Contra}.contradictions where current and status in ('open', 'reopened') and assignee is not null
                union all
                select reviewer, 0, 1 from {Contra}.verdicts) t
             group by reviewer order by reviewer
            """);
        batch.BatchCommands.Add(totals);
        batch.BatchCommands.Add(reviewers);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (open, assigned, reopened, recent, median) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.IsDBNull(4) ? (double?)null : Math.Round(reader.GetDouble(4), 2));
        await reader.NextResultAsync(ct);
        var people = new List<ReviewerStats>();
        while (await reader.ReadAsync(ct)) people.Add(new ReviewerStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return new ReviewStats(open, assigned, reopened, recent, median, people);
    }

    public Task<IReadOnlyList<StrikeIncident>> IncidentsAsync(CancellationToken ct) => IncidentsAsync(null, ct);

    /// <summary>Incidents in date order (undated last, then id); with a page, those after its cursor, at most its limit.
    /// The cursor holds the sort key, not only the id: regrouping may replace the incident a client stopped at.</summary>
    public async Task<IReadOnlyList<StrikeIncident>> IncidentsAsync(StrikePage? page, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select incident::text from {Strikes}.incidents
             where $1::text is null
                or ($2::date is not null and (date_from is null or date_from > $2 or (date_from = $2 and id > $1)))
                or ($2::date is null and date_from is null and id > $1)
             order by date_from nulls last, id limit $3
            """);
        command.Parameters.Add(new() { Value = (object?)page?.After?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)page?.After?.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = (object?)page?.Limit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<StrikeIncident>();
        while (await reader.ReadAsync(ct)) list.Add(JsonSerializer.Deserialize(reader.GetString(0), ReadModelJson.Default.StrikeIncident)!);
        return list;
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
