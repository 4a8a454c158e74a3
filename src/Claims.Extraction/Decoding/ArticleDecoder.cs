using System.Text;

namespace Claims.Extraction.Decoding;

/// <summary>Turns the bytes of an input file into text: UTF-8 when valid, else Windows-1252 / Latin-1 (the usual
/// legacy encodings of French pages). Refuses empty, binary and oversized inputs with a message naming the file.</summary>
public static class ArticleDecoder
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 differs from Latin-1 only in 0x80-0x9F; .NET Core ships Latin-1 but not 1252, so the 32 code points are here.
    private static readonly char[] Cp1252High =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    public static async Task<DecodeResult> DecodeFileAsync(string path, CancellationToken ct = default)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return DecodeResult.Failure(name, DecodeErrorKind.Unreadable, $"{name}: file not found");
            if (info.Length > MaxBytes) return TooLarge(name, info.Length);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            return Decode(bytes, name);
        }
        catch (IOException e) { return DecodeResult.Failure(name, DecodeErrorKind.Unreadable, $"{name}: cannot read ({e.Message})"); }
        catch (UnauthorizedAccessException e) { return DecodeResult.Failure(name, DecodeErrorKind.Unreadable, $"{name}: cannot read ({e.Message})"); }
    }

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length > MaxBytes) return TooLarge(file, bytes.Length);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
        if (bytes.Length == 0 || IsAllWhitespace(bytes))
            return DecodeResult.Failure(file, DecodeErrorKind.Empty, $"{file}: empty file (no text to extract)");
        if (LooksBinary(bytes))
            return DecodeResult.Failure(file, DecodeErrorKind.Binary, $"{file}: binary content (NUL or control bytes), not a text or HTML article");

        string text;
        string encoding;
        try
        {
            text = StrictUtf8.GetString(bytes);
            encoding = "utf-8";
        }
        catch (DecoderFallbackException)
        {
            var hasCp1252 = false;
            var chars = new char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b is >= 0x80 and <= 0x9F) { chars[i] = Cp1252High[b - 0x80]; hasCp1252 = true; }
                else chars[i] = (char)b;
            }
            text = new string(chars);
            encoding = hasCp1252 ? "windows-1252" : "iso-8859-1";
        }
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return DecodeResult.Success(new DecodedArticle(file, text, encoding, LooksLikeHtml(text)));
    }

    private static DecodeResult TooLarge(string file, long length) =>
        DecodeResult.Failure(file, DecodeErrorKind.TooLarge, $"{file}: too large ({length / (1024.0 * 1024):0.0} MB; the limit is {MaxBytes / (1024 * 1024)} MB)");

    private static bool IsAllWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not (0x20 or 0x09 or 0x0A or 0x0D or 0x0C)) return false;
        return true;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) control++;
        }
        return control > sample.Length / 20;
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.Length == 0 || head[0] != '<') return false;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.Contains("<article", StringComparison.OrdinalIgnoreCase);
    }
}
