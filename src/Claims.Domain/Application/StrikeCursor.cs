using System.Globalization;

namespace Claims.Domain.Application;

/// <summary>Where a page of strike incidents ends: the last incident's place in their order (first date, undated last; id).
/// Opaque to clients (<see cref="CursorText"/>, like <see cref="LedgerCursor"/>); a cursor that does not decode is a 400 naming `after`.</summary>
public sealed record StrikeCursor(DateOnly? From, string Id)
{
    private const string Undated = "-";

    public static StrikeCursor Of(StrikeIncident incident) => new(incident.From, incident.Id);

    public string Encode() => CursorText.Encode(From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Undated, Id);

    public static StrikeCursor Decode(string cursor)
    {
        if (CursorText.Decode(cursor, 2) is [var from, var id] && id.Length is > 0 and <= 100 && !id.Contains('\0'))
        {
            if (from == Undated) return new StrikeCursor(null, id);
            if (DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return new StrikeCursor(day, id);
        }
        throw new RequestValidationException("after", "after must be the cursor of the `next` link of a previous strikes page.");
    }
}
