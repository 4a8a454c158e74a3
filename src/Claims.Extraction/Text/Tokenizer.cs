namespace Claims.Extraction.Text;

/// <summary>Splits French text into words, numbers, punctuation and quote marks, keeping character offsets.
/// Elisions (l', d', qu'...) become their own token; hyphens join words but are not tokens (Etats-Unis = etats unis).</summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        Tokenize(text, start, end, tokens);
        return tokens;
    }

    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        var i = start;
        var hyphen = false;
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var wordStart = i;
                var digits = char.IsDigit(c);
                while (i < end && (char.IsLetterOrDigit(text[i]) || (digits && i + 1 < end && (text[i] == ',' || text[i] == '.') && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]))))
                {
                    if (!char.IsDigit(text[i]) && text[i] != ',' && text[i] != '.') digits = false;
                    i++;
                }
                // Elision: l'Etat, d'Idleb, qu'il (also the stray "l?État" some pages carry).
                if (i < end - 1 && IsApostrophe(text, i) && char.IsLetter(text[i + 1]))
                {
                    var prefix = Fold.Text(text.AsSpan(wordStart, i - wordStart));
                    if (Knowledge.Grammar.ElisionPrefixes.Contains(prefix))
                    {
                        tokens.Add(new Token(wordStart, i + 1, prefix, TokenKind.Word, char.IsUpper(text[wordStart]), true, hyphen));
                        hyphen = false;
                        i++;
                        continue;
                    }
                    if (text[i] != '?')
                    {
                        // aujourd'hui: the apostrophe is part of the word.
                        i++;
                        while (i < end && char.IsLetterOrDigit(text[i])) i++;
                    }
                }
                var norm = Fold.Text(text.AsSpan(wordStart, i - wordStart)).Replace('’', '\'');
                tokens.Add(new Token(wordStart, i, norm, digits ? TokenKind.Number : TokenKind.Word, char.IsUpper(text[wordStart]), false, hyphen));
                hyphen = false;
                continue;
            }
            if (c == '-' && i > start && i + 1 < end && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]))
            {
                hyphen = true;
                i++;
                continue;
            }
            hyphen = false;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var kind = c switch
            {
                '«' or '“' or '„' => TokenKind.OpenQuote,
                '»' or '”' => TokenKind.CloseQuote,
                '"' => TokenKind.AmbiguousQuote,
                _ => TokenKind.Punct,
            };
            if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                tokens.Add(new Token(i, i + 3, "…", TokenKind.Punct, false, false, false));
                i += 3;
                continue;
            }
            tokens.Add(new Token(i, i + 1, c is '’' or '‘' ? "'" : c.ToString(), kind, false, false, false));
            i++;
        }
    }

    private static bool IsApostrophe(string text, int i) =>
        text[i] is '\'' or '’' or 'ʼ' || (text[i] == '?' && i > 0 && (text[i - 1] is 'l' or 'L' or 'd' or 'D') && (i < 2 || !char.IsLetter(text[i - 2])) && i + 1 < text.Length && char.IsUpper(text[i + 1]));
}
