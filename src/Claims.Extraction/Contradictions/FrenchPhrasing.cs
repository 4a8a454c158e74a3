using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Contradictions;

/// <summary>A name with the article French puts before it ("la" + "Russie"); Article is empty for names that take none.</summary>
public sealed record NounPhrase(string Article, string Name);

/// <summary>Words contradictions for French readers from the templates of Data/phrasing.json: articles, contractions
/// ("de le" → "du") and elisions ("de Israël" → "d'Israël") follow the data file, so a linguist can reword without code.</summary>
public sealed partial class FrenchPhrasing
{
    private static readonly Lazy<FrenchPhrasing> EmbeddedInstance = new(LoadEmbedded);
    private readonly PhrasingFile _data;

    private FrenchPhrasing(PhrasingFile data) => _data = data;

    public static FrenchPhrasing Default => EmbeddedInstance.Value;

    public static FrenchPhrasing LoadEmbedded()
    {
        var assembly = typeof(FrenchPhrasing).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("Data.phrasing.json", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded data file 'phrasing.json' is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return Parse(stream);
    }

    /// <summary>Reads a phrasing file; a missing template or a broken file is reported by name, not met later mid-sentence.</summary>
    public static FrenchPhrasing Parse(Stream json)
    {
        PhrasingFile data;
        try
        {
            data = JsonSerializer.Deserialize(json, DataJsonContext.Default.PhrasingFile) ?? throw new InvalidDataException("data file phrasing.json is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"data file phrasing.json is not valid: {e.Message}", e);
        }
        var missing = RequiredTemplates.Where(t => !data.Templates.ContainsKey(t)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"data file phrasing.json lacks the template(s) {string.Join(", ", missing)}");
        return new FrenchPhrasing(data);
    }

    private static readonly string[] RequiredTemplates =
    [
        "stanceJihadists", "stanceOpposition", "side", "theArticle", "targetsAbout", "numbersAbout", "numbersSide", "denialAbout", "denialAboutOnDay",
        "sayOne", "sayMany", "denialSide", "ownActionAbout", "rebuttalAbout", "rebuttalClaimSide", "rebuttalDenialSide", "campaignAbout",
        "campaignOwnSide", "campaignOthersSide",
    ];

    public string Template(string key) => _data.Templates[key];

    public NounPhrase Actor(ActorRef actor)
    {
        if (_data.ActorArticles.TryGetValue(actor.Id, out var article)) return new(article, actor.Name);
        var head = actor.Name.Split(' ', 2)[0];
        if (head.Length > 0 && char.IsLower(head[0]) && _data.HeadArticles.TryGetValue(head, out var byHead)) return new(byHead, actor.Name);
        return new("", actor.Name);
    }

    public NounPhrase Place(PlaceRef place)
    {
        var head = place.Name.Split(' ', 2)[0];
        return new(char.IsLower(head.FirstOrDefault()) && _data.PlaceArticles.TryGetValue(head, out var article) ? article : "", place.Name);
    }

    /// <summary>The article as a source ("l'article"), a phrase that takes no further article.</summary>
    public NounPhrase TheArticle => new("", Template("theArticle"));

    public string Unit(string countKey) => _data.Units.GetValueOrDefault(countKey, countKey);

    /// <summary>Fills a template's slots. A value is a string, a <see cref="NounPhrase"/> or a list of them; the first letter is
    /// capitalised, as the text opens a title or a side of the review page.</summary>
    public string Render(string templateKey, params (string Slot, object Value)[] slots) => Capitalise(Fill(templateKey, slots));

    /// <summary>As <see cref="Render"/>, with the verb agreeing with <paramref name="subject"/>: a plural one ("les États-Unis",
    /// "des militants") takes the template's "…Many" form when phrasing.json has one.</summary>
    public string RenderAgreeing(string templateKey, NounPhrase subject, params (string Slot, object Value)[] slots) =>
        Render(subject.Article is "les" or "des" && _data.Templates.ContainsKey(templateKey + "Many") ? templateKey + "Many" : templateKey, slots);

    /// <summary>Fills a template's slots as <see cref="Render"/> does, without capitalising (a text that goes inside another).</summary>
    public string Fill(string templateKey, params (string Slot, object Value)[] slots)
    {
        var values = slots.ToDictionary(s => s.Slot, s => s.Value, StringComparer.Ordinal);
        var text = SlotPattern().Replace(Template(templateKey), m =>
        {
            var slot = m.Groups[1].Value;
            if (!values.TryGetValue(slot, out var value))
                throw new InvalidDataException($"template '{templateKey}' of phrasing.json uses the slot {{{slot}}}, which it is not given (given: {string.Join(", ", values.Keys)})");
            var preposition = m.Groups[2].Success ? m.Groups[2].Value : null;
            return value switch
            {
                NounPhrase np => Phrase(np, preposition),
                IEnumerable<NounPhrase> list => List(list.ToList(), preposition),
                _ => preposition is null ? value.ToString() ?? "" : WithPreposition(preposition, "", value.ToString() ?? ""),
            };
        });
        return text;
    }

    /// <summary>"dit" for one speaker, "disent" for several (or for a plural one: "les Occidentaux").</summary>
    public string Say(IReadOnlyList<NounPhrase> speakers) =>
        Template(speakers.Count > 1 || speakers.Any(s => s.Article is "les" or "des") ? "sayMany" : "sayOne");

    private string List(List<NounPhrase> items, string? preposition)
    {
        var distributive = preposition is not null && _data.DistributivePrepositions.Contains(preposition);
        var parts = items.Select((np, i) => Phrase(np, distributive || i == 0 ? preposition : null)).ToList();
        if (parts.Count <= 1) return parts.FirstOrDefault() ?? "";
        return string.Join(_data.ListSeparator, parts.Take(parts.Count - 1)) + _data.ListLastSeparator + parts[^1];
    }

    private string Phrase(NounPhrase np, string? preposition)
    {
        var name = np.Article.Length > 0 && _data.LowercaseHeads.Contains(np.Name.Split(' ', 2)[0]) ? char.ToLowerInvariant(np.Name[0]) + np.Name[1..] : np.Name;
        return preposition is null ? WithArticle(np.Article, name) : WithPreposition(preposition, np.Article, name);
    }

    private string WithArticle(string article, string name) =>
        article.Length == 0 ? name : article.EndsWith('\'') ? article + name : Elide(article, name);

    private string WithPreposition(string preposition, string article, string name)
    {
        if (article.Length > 0 && _data.Contractions.TryGetValue(preposition + " " + article, out var contracted)) return Elide(contracted, name);
        return Elide(preposition, WithArticle(article, name));
    }

    // "de" + "Israël" → "d'Israël"; "la" + "OTAN" → "l'OTAN"; otherwise the two words with a space.
    private string Elide(string word, string next) =>
        next.Length > 0 && _data.Vowels.Contains(next[0]) && _data.Elisions.TryGetValue(word, out var elided) ? elided + next : word + " " + next;

    private static string Capitalise(string text) =>
        text.Length == 0 || !char.IsLower(text[0]) ? text : new StringBuilder(text) { [0] = char.ToUpperInvariant(text[0]) }.ToString();

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex SlotPattern();
}
