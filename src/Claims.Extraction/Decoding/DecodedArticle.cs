namespace Claims.Extraction.Decoding;

public enum DecodeErrorKind { Empty, Binary, TooLarge, NoArticleText, Unreadable }

/// <summary>Why an input could not be used; Message names the file and says what was wrong.</summary>
public sealed record DecodeError(string File, DecodeErrorKind Kind, string Message);

/// <summary>Decoded text of an input file. Encoding: "utf-8", "windows-1252" or "iso-8859-1"; IsHtml when the bytes are an HTML page.</summary>
public sealed record DecodedArticle(string File, string Text, string Encoding, bool IsHtml)
{
    public bool WasTranscoded => Encoding != "utf-8";
}

/// <summary>Either a decoded article or the reason it could not be decoded.</summary>
public sealed record DecodeResult(DecodedArticle? Article, DecodeError? Error)
{
    public bool Ok => Article is not null;
    public static DecodeResult Success(DecodedArticle a) => new(a, null);
    public static DecodeResult Failure(string file, DecodeErrorKind kind, string message) => new(null, new DecodeError(file, kind, message));
}
