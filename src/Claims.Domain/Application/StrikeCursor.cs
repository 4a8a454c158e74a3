using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Claims.Domain.Application;

/// <summary>Where a page of strike incidents ends: the last incident's place in their order (first date, undated last; id).
/// Opaque to clients (base64url, like <see cref="LedgerCursor"/>); a cursor that does not decode is a 400 naming `after`.</summary>
public sealed record StrikeCursor(DateOnly? From, string Id)
{
    private const char Separator = '\n';
    private const string Undated = "-";

    public static StrikeCursor Of(StrikeIncident incident) => new(incident.From, incident.Id);

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join(Separator, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Undated, Id)));

    public static StrikeCursor Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (parts.Length == 2 && parts[1].Length is > 0 and <= 100 && !parts[1].Contains('\0'))
            {
                if (parts[0] == Undated) return new StrikeCursor(null, parts[1]);
                if (DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                    return new StrikeCursor(from, parts[1]);
            }
        }
        catch (FormatException)
        {
        }
        throw new RequestValidationException("after", "after must be the cursor of the `next` link of a previous strikes page.");
    }
}
