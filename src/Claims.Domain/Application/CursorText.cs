using System.Buffers.Text;
using System.Text;

namespace Claims.Domain.Application;

/// <summary>The text of a page cursor: its parts joined by line breaks, base64url-encoded so that clients treat it as opaque.
/// Shared by <see cref="LedgerCursor"/> and <see cref="StrikeCursor"/>, which say what the parts are.</summary>
internal static class CursorText
{
    private const char Separator = '\n';

    public static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, parts)));

    /// <summary>The <paramref name="count"/> parts of <paramref name="cursor"/>; null when it is not base64url or has another count.</summary>
    public static string[]? Decode(string cursor, int count)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            return parts.Length == count ? parts : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
