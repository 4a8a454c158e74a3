using System.Text;
using System.Text.RegularExpressions;

namespace Claims.TestKit.Corpus;

/// <summary>A noun phrase bound to a template slot, with the grammatical number its verb agrees with (and, for a speaker,
/// the vocabulary's id of that speaker).</summary>
public sealed record Phrase(string Text, bool Plural = false, string? Id = null)
{
    public static implicit operator Phrase(string text) => new(text);
}

/// <summary>Fills the slots of a sentence template: {name}, {^name} (capitalised), {name.aux} (the agreeing verb form named in
/// the vocabulary's "agreement"), {name:de} / {name:à} (the preposition, contracted or elided as the vocabulary says).</summary>
internal sealed partial class TemplateFiller(CorpusVocabulary vocabulary)
{
    [GeneratedRegex(@"\{(\^?)([A-Za-z]+)(?:\.([A-Za-z]+)|:(\p{L}+))?\}")]
    private static partial Regex Slot();

    public string Fill(string template, Func<string, Phrase> bind)
    {
        return Slot().Replace(template, m =>
        {
            var phrase = bind(m.Groups[2].Value);
            string text;
            if (m.Groups[3].Success)
            {
                if (!vocabulary.Agreement.TryGetValue(m.Groups[3].Value, out var agreement))
                    throw new InvalidDataException($"template '{template}': unknown agreement '{m.Groups[3].Value}'.");
                text = phrase.Plural ? agreement.Plural : agreement.Singular;
            }
            else if (m.Groups[4].Success) text = WithPreposition(m.Groups[4].Value, phrase.Text, template);
            else text = phrase.Text;
            if (m.Groups[1].Value != "^") return text;
            // A phrase opening the sentence is its subject: an apposition inside it ("le directeur de l'OSDH, Rami Abdel
            // Rahmane") is closed by a comma before the verb.
            return Capitalise(text) + (m.Groups[3].Success || m.Groups[4].Success || !text.Contains(", ", StringComparison.Ordinal) ? "" : ",");
        });
    }

    private string WithPreposition(string preposition, string text, string template)
    {
        if (!vocabulary.Prepositions.TryGetValue(preposition, out var forms))
            throw new InvalidDataException($"template '{template}': unknown preposition '{preposition}'.");
        foreach (var (start, replacement) in forms)
            if (start is not ("vowel" or "other") && text.StartsWith(start, StringComparison.Ordinal))
                return replacement + text[start.Length..];
        return (text.Length > 0 && vocabulary.Vowels.Contains(text[0]) ? forms["vowel"] : forms["other"]) + text;
    }

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : new StringBuilder(text.Length).Append(char.ToUpperInvariant(text[0])).Append(text, 1, text.Length - 1).ToString();
}
