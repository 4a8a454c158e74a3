using System.Globalization;

namespace Claims.Domain.Application;

/// <summary>Where a ledger page ends: the last entry's place in ledger order (date, article, stream order, role). Opaque to
/// clients (<see cref="CursorText"/>); a cursor that does not decode is a 400 naming the `after` parameter, not an empty page.</summary>
public sealed record LedgerCursor(DateOnly SortDate, string ArticleId, long Ord, string Role)
{
    public string Encode() =>
        CursorText.Encode(SortDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ArticleId, Ord.ToString(CultureInfo.InvariantCulture), Role);

    public static LedgerCursor Decode(string cursor) =>
        CursorText.Decode(cursor, 4) is [var date, var articleId, var ord, var role]
        && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sortDate)
        && long.TryParse(ord, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? new LedgerCursor(sortDate, articleId, position, role)
            : throw new RequestValidationException("after", "after must be the `next` cursor of a previous ledger page.");
}
