using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Claims.Domain.Application;

/// <summary>Where a ledger page ends: the last entry's place in ledger order (date, article, stream order, role). Opaque to
/// clients (base64url); a cursor that does not decode is a 400 naming the `after` parameter, not an empty page.</summary>
public sealed record LedgerCursor(DateOnly SortDate, string ArticleId, long Ord, string Role)
{
    private const char Separator = '\n';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join(Separator, SortDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ArticleId, Ord.ToString(CultureInfo.InvariantCulture), Role)));

    public static LedgerCursor Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (parts.Length == 4
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ord))
                return new LedgerCursor(date, parts[1], ord, parts[3]);
        }
        catch (FormatException)
        {
        }
        throw new RequestValidationException("after", "after must be the `next` cursor of a previous ledger page.");
    }
}
