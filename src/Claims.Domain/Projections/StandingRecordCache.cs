using Microsoft.Extensions.Caching.Memory;

namespace Claims.Domain.Projections;

/// <summary>
/// The records that stand of recently seen articles, by article, held by the process applying the contradictions read
/// model. A batch that changes a strike cluster needs every article behind it, and reading them back and decoding them was
/// a round trip of its own on the path every POST waits on (7.7 ms of a 50 ms batch, session 18); the articles of one event
/// arrive within days of each other, so those it needs are mostly ones it has just written. The tables stay the record:
/// this holds what they hold and is valid exactly as long as the <see cref="StrikeIndex"/> beside it, by the same
/// generation number — a batch rolled back, another process's batch or a rebuild leaves the numbers apart and the cache
/// starts empty. Every batch that moves the generation also sets the articles it changed, so no entry outlives a change.
/// Bounded by a number of articles (the least recently used go first); a miss only costs the read.
/// </summary>
internal sealed class StandingRecordCache(int articles)
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = articles });
    private long _generation;

    /// <summary>Starts a batch at <paramref name="generation"/> (the one it moved the tables to): what is held is kept only when
    /// it was made at the generation just before.</summary>
    public void Open(long generation)
    {
        if (_generation != generation - 1) _cache.Clear();
        _generation = generation;
    }

    /// <summary>Holds the records that stand of <paramref name="articleId"/> now (none, when none stands).</summary>
    public void Set(string articleId, IReadOnlyList<StandingRecord> records) =>
        _cache.Set(articleId, records, new MemoryCacheEntryOptions { Size = 1 });

    /// <summary>The records that stand of <paramref name="articles"/>, none of which this batch changed: those held, and the
    /// others read in one query (as <see cref="ArticleTables.StandingAsync(Running.ProjectionContext, string?, IReadOnlyCollection{string}, CancellationToken)"/>)
    /// and held from then on. Grouped by article, each in the order the stream made them.</summary>
    public async Task<List<StandingRecord>> StandingAsync(Running.ProjectionContext ctx, IReadOnlyCollection<string> articles, CancellationToken ct)
    {
        var found = new List<StandingRecord>();
        var missing = new List<string>();
        foreach (var article in articles)
            if (_cache.TryGetValue(article, out IReadOnlyList<StandingRecord>? held)) found.AddRange(held!);
            else missing.Add(article);
        if (missing.Count == 0) return found;
        var read = await ArticleTables.StandingAsync(ctx, type: null, missing, ct);
        var byArticle = read.ToLookup(r => r.ArticleId, StringComparer.Ordinal);
        foreach (var article in missing) Set(article, byArticle[article].ToList());
        found.AddRange(read);
        return found;
    }
}
