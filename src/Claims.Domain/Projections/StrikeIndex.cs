using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>
/// A <see cref="StrikeRegrouping"/>'s strikes and groups held in memory by the process applying the read model, so that a
/// batch finds the reports deciding its groups by lookups instead of searching its tables (a strike search returned some
/// 300 reports an article, every batch, read back and decoded). The tables stay the record: each batch writes them as before,
/// and the index is what they hold, loaded from them when it is missing or stale. Stale is told by a generation number kept
/// in the schema: each batch that uses the index reads it (locking the row, so that two writers take turns) and moves it
/// on, and the index remembers the number its content matches. A batch rolled back, in whole or down to a savepoint, or
/// another process's batch, or a rebuild emptying the tables, leaves the numbers apart, and the next batch reloads.
/// </summary>
internal sealed class StrikeIndex
{
    public const string GenerationTable = "strike_index_generation";

    private readonly Dictionary<string, List<StrikeRow>> _byArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Perpetrator, string Key), Bucket> _places = [];
    private readonly Dictionary<(string ArticleId, string RecordId), Member> _members = [];
    private readonly Dictionary<string, List<(string ArticleId, string RecordId)>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string ArticleId, string RecordId)>> _membersByArticle = new(StringComparer.Ordinal);

    /// <summary>The generation of the tables this index matches.</summary>
    public long Generation { get; private set; }

    /// <summary>A group's member as the members table holds it.</summary>
    public sealed record Member(string Group, string Perpetrator, DateOnly? Owner, string ArticleId, string RecordId);

    // The days in a sorted set, so that a window is a range view (a striker that hits one place daily for years has a
    // bucket of a thousand days, and every batch looks up a few windows in it); the set and the strikes by day change
    // together, here only.
    private sealed class Bucket
    {
        private readonly SortedSet<DateOnly> _days = [];
        private readonly Dictionary<DateOnly, List<StrikeRow>> _dated = [];
        public readonly List<StrikeRow> Dayless = [];

        public bool IsEmpty => _days.Count == 0 && Dayless.Count == 0;

        public void Add(StrikeRow row)
        {
            if (row.Day is not { } day)
            {
                Dayless.Add(row);
                return;
            }
            if (!_dated.TryGetValue(day, out var onDay))
            {
                _dated[day] = onDay = [];
                _days.Add(day);
            }
            onDay.Add(row);
        }

        public void Remove(StrikeRow row)
        {
            if (row.Day is not { } day)
            {
                Dayless.Remove(row);
                return;
            }
            var onDay = _dated[day];
            onDay.Remove(row);
            if (onDay.Count > 0) return;
            _dated.Remove(day);
            _days.Remove(day);
        }

        public IEnumerable<StrikeRow> Between(DateOnly from, DateOnly to) => from > to ? [] : _days.GetViewBetween(from, to).SelectMany(d => _dated[d]);

        public IEnumerable<StrikeRow> LatestFirst() => _days.Reverse().SelectMany(d => _dated[d]);
    }

    public static string Ddl(string schema) => $"create table {schema}.{GenerationTable} (id int primary key, generation bigint not null);";

    /// <summary>The index of <paramref name="schema"/>'s tables in this transaction, loaded anew unless <paramref name="held"/>
    /// matches their generation; the generation moves on either way, so that any other holder reloads.</summary>
    public static async Task<StrikeIndex> OpenAsync(ProjectionContext ctx, StrikeIndex? held, string membersTable, CancellationToken ct)
    {
        var s = ctx.Schema;
        // One statement reads, locks and moves the generation. A missing row (new tables, or emptied by a rebuild) starts at
        // a random number, so that an index held from before cannot meet its own numbers again.
        var generation = (await ctx.QueryAsync($"""
            insert into {s}.{GenerationTable} (id, generation) values (1, (random() * 4e18)::bigint)
            on conflict (id) do update set generation = {s}.{GenerationTable}.generation + 1 returning generation
            """, r => r.GetInt64(0), ct)).Single();
        var index = held is not null && held.Generation == generation - 1 ? held : await LoadAsync(ctx, membersTable, ct);
        index.Generation = generation;
        return index;
    }

    private static async Task<StrikeIndex> LoadAsync(ProjectionContext ctx, string membersTable, CancellationToken ct)
    {
        var s = ctx.Schema;
        var index = new StrikeIndex();
        foreach (var row in await ctx.QueryAsync($"select article_id, record_id, ord, perpetrator_id, places, day, dated, weekday, reporter_id from {s}.strike_reports",
                     StrikeRow.Read, ct))
            index.Add(row);
        foreach (var m in await ctx.QueryAsync($"select group_id, perpetrator_id, owner_day, article_id, record_id from {s}.{membersTable}",
                     r => new Member(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.GetString(3), r.GetString(4)), ct))
            index.AddMember(m);
        return index;
    }

    /// <summary>Removes the strikes of <paramref name="articles"/> and returns them.</summary>
    public List<StrikeRow> RemoveArticles(IEnumerable<string> articles)
    {
        var removed = new List<StrikeRow>();
        foreach (var article in articles)
        {
            if (!_byArticle.Remove(article, out var rows)) continue;
            foreach (var row in rows)
            {
                foreach (var key in PlaceMatching.Keys(row.Places).Indexed)
                {
                    var bucket = _places[(row.Perpetrator, key)];
                    bucket.Remove(row);
                    if (bucket.IsEmpty) _places.Remove((row.Perpetrator, key));
                }
            }
            removed.AddRange(rows);
        }
        return removed;
    }

    /// <summary>Indexes a strike under every place key it is found by.</summary>
    public void Add(StrikeRow row)
    {
        if (!_byArticle.TryGetValue(row.ArticleId, out var rows)) _byArticle[row.ArticleId] = rows = [];
        rows.Add(row);
        foreach (var key in PlaceMatching.Keys(row.Places).Indexed)
        {
            if (!_places.TryGetValue((row.Perpetrator, key), out var bucket)) _places[(row.Perpetrator, key)] = bucket = new Bucket();
            bucket.Add(row);
        }
    }

    /// <summary>The strikes of <paramref name="perpetrator"/> indexed under <paramref name="key"/>: those dated within
    /// [<paramref name="from"/>, <paramref name="to"/>], or the dayless ones when <paramref name="from"/> is null.</summary>
    public IEnumerable<StrikeRow> Find(string perpetrator, string key, DateOnly? from, DateOnly? to)
    {
        if (!_places.TryGetValue((perpetrator, key), out var bucket)) return [];
        if (from is not { } lo || to is not { } hi) return bucket.Dayless;
        return bucket.Between(lo, hi);
    }

    /// <summary>The strikes dated under <paramref name="key"/> of <paramref name="perpetrator"/>, latest first.</summary>
    public IEnumerable<StrikeRow> DatedLatestFirst(string perpetrator, string key) =>
        _places.TryGetValue((perpetrator, key), out var bucket) ? bucket.LatestFirst() : [];

    /// <summary>The groups the strikes of <paramref name="articles"/> belong to.</summary>
    public IEnumerable<Member> MembersOf(IEnumerable<string> articles) =>
        articles.SelectMany(a => _membersByArticle.TryGetValue(a, out var keys) ? keys.Select(k => _members[k]) : []);

    public Member? MemberOf((string ArticleId, string RecordId) key) => _members.GetValueOrDefault(key);

    /// <summary>Every member of the group <paramref name="group"/>.</summary>
    public IEnumerable<Member> Group(string group) => _groups.TryGetValue(group, out var keys) ? keys.Select(k => _members[k]) : [];

    /// <summary>Replaces the <paramref name="dropped"/> groups' members with <paramref name="members"/>, and returns what the
    /// members table must lose and gain to match: the members that were and are no more, and those that are new (most of a
    /// group that grows stays as it was).</summary>
    public (List<Member> Gone, List<Member> Added) ReplaceMembers(IEnumerable<string> dropped, IReadOnlyList<Member> members)
    {
        var before = new HashSet<Member>();
        foreach (var group in dropped)
        {
            if (!_groups.Remove(group, out var keys)) continue;
            foreach (var key in keys)
            {
                _members.Remove(key, out var member);
                before.Add(member!);
                if (_membersByArticle.TryGetValue(key.ArticleId, out var ofArticle) && ofArticle.Remove(key) && ofArticle.Count == 0) _membersByArticle.Remove(key.ArticleId);
            }
        }
        foreach (var m in members) AddMember(m);
        var after = members.ToHashSet();
        return (before.Where(m => !after.Contains(m)).ToList(), members.Where(m => !before.Contains(m)).ToList());
    }

    private void AddMember(Member m)
    {
        var key = (m.ArticleId, m.RecordId);
        // The members table's key is the strike: a strike is in one group.
        _members.Add(key, m);
        if (!_groups.TryGetValue(m.Group, out var keys)) _groups[m.Group] = keys = [];
        keys.Add(key);
        if (!_membersByArticle.TryGetValue(m.ArticleId, out var ofArticle)) _membersByArticle[m.ArticleId] = ofArticle = [];
        ofArticle.Add(key);
    }
}
