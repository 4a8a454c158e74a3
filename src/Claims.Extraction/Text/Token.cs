namespace Claims.Extraction.Text;

public enum TokenKind { Word, Number, Punct, OpenQuote, CloseQuote, AmbiguousQuote }

/// <summary>One token of the article text. Start/End are offsets into the decoded text; Norm is folded
/// (lower case, no accents). Elided: "l'", "d'", "qu'"... HyphenBefore: joined to the previous token by a hyphen.</summary>
public readonly record struct Token(int Start, int End, string Norm, TokenKind Kind, bool Cap, bool Elided, bool HyphenBefore)
{
    public bool IsWord => Kind is TokenKind.Word or TokenKind.Number;
    public bool IsQuote => Kind is TokenKind.OpenQuote or TokenKind.CloseQuote or TokenKind.AmbiguousQuote;
    public bool Is(string norm) => Norm == norm;
}
