using System.Text;
using Claims.Extraction.Decoding;

namespace Claims.Domain.Application;

/// <summary>Checks of request bodies, before anything is extracted or written; each failure names the field.</summary>
internal static class RequestChecks
{
    public const int MaxMetadataLength = 2000;

    /// <summary>The article's content and the field it came in; refuses none/both, empty, binary and oversized content.</summary>
    public static (string Field, string Content) Content(IngestArticleRequest request)
    {
        var hasText = request.Text is not null;
        var hasHtml = request.Html is not null;
        if (hasText && hasHtml) throw new RequestValidationException("text", "give either text or html, not both.");
        if (!hasText && !hasHtml) throw new RequestValidationException("text", "text or html is required.");
        var field = hasText ? "text" : "html";
        var content = (request.Text ?? request.Html)!;
        // The limit is in UTF-8 bytes (what is stored and extracted), not characters: 4.9M accented characters are 6.4 MB.
        // Counting bytes first keeps a 10 MB body from being copied only to be refused.
        var length = Encoding.UTF8.GetByteCount(content);
        if (length > ArticleDecoder.MaxBytes)
            throw new RequestTooLargeException(field,
                $"{field} is too large ({length / (1024.0 * 1024):0.0} MB of UTF-8; the limit is {ArticleDecoder.MaxBytes / (1024 * 1024)} MB).", ArticleDecoder.MaxBytes);
        var decoded = ArticleDecoder.Decode(Encoding.UTF8.GetBytes(content), field);
        if (decoded.Error is { } error) throw new RequestValidationException(field, error.Message);
        return (field, decoded.Article!.Text);
    }

    public static string? Url(string? url)
    {
        if (url is null) return null;
        url = url.Trim();
        if (url.Length == 0) return null;
        if (url.Length > MaxMetadataLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new RequestValidationException("url", $"url must be an absolute http(s) address (got '{Shorten(url)}').");
        return uri.ToString();
    }

    public static string? Optional(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > MaxMetadataLength) throw new RequestValidationException(field, $"{field} is longer than {MaxMetadataLength} characters.");
        return value.Trim();
    }

    public static string Language(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return "fr";
        language = language.Trim().ToLowerInvariant();
        if (language.Length > 16 || !language.All(c => char.IsAsciiLetter(c) || c == '-'))
            throw new RequestValidationException("language", $"language must be a language tag such as 'fr' (got '{Shorten(language)}').");
        return language;
    }

    public static string Identity(string? who, string field)
    {
        if (string.IsNullOrWhiteSpace(who)) throw new RequestValidationException(field, $"{field} is required.");
        return who.Trim();
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
