using System.Globalization;
using System.Text;
using static Claims.TestKit.Corpus.CorpusVocabulary;

namespace Claims.TestKit.Corpus;

/// <summary>Writes article i of a corpus: picks its incidents, its publication date, then paragraphs of sentences
/// drawn by weight from the templates, each slot bound to the incident and to a speaker of the right camp.</summary>
internal sealed class ArticleWriter
{
    private readonly CorpusVocabulary _v;
    private readonly TemplateFiller _filler;
    private readonly int _seed;
    private readonly int _incidents;
    private readonly int _spanDays;
    private readonly (string Kind, int Weight)[] _kinds;
    private readonly int _strikerWeight;

    public ArticleWriter(CorpusVocabulary vocabulary, int count, int seed)
    {
        _v = vocabulary;
        _filler = new TemplateFiller(vocabulary);
        _seed = seed;
        // About three articles per incident, and incidents spread over more days as the corpus grows.
        _incidents = Math.Max(8, count / 3);
        _spanDays = Math.Clamp(count / 20, 30, 1000);
        _kinds = vocabulary.SentenceWeights.Where(k => k.Value > 0).Select(k => (k.Key, k.Value)).ToArray();
        _strikerWeight = vocabulary.Strikers.Sum(s => s.Weight);
    }

    /// <summary>One strike event: who struck where and when, what it hit as each camp tells it, and the "true" numbers
    /// that each source then reports with its own bias.</summary>
    private sealed record Incident(int Index, Striker Striker, string Country, Place Place, DateOnly Date,
        string Claimed, string Alleged, string Civilian, IReadOnlyDictionary<string, int> Counts);

    private Incident IncidentAt(int index)
    {
        var rng = new Random(Mix(_seed, index, 0x1c1de));
        var pick = rng.Next(_strikerWeight);
        var striker = _v.Strikers.First(s => (pick -= s.Weight) < 0);
        var region = _v.Regions[Pick(rng, striker.Regions)];
        var counts = new Dictionary<string, int>
        {
            ["targets"] = rng.Next(4, 31), ["killed"] = rng.Next(3, 61), ["civilians"] = rng.Next(2, 41),
            ["missiles"] = rng.Next(3, 27), ["sorties"] = rng.Next(10, 81),
        };
        return new Incident(index, striker, region.Country, Pick(rng, region.Places), _v.StartDate.AddDays(rng.Next(_spanDays)),
            Pick(rng, striker.ClaimedTargets), Pick(rng, striker.AllegedTargets), Pick(rng, striker.CivilianTargets), counts);
    }

    public SyntheticArticle Write(int index)
    {
        var rng = new Random(Mix(_seed, index, 0xa471c));
        var primary = IncidentAt(rng.Next(_incidents));
        var published = primary.Date.AddDays(rng.Next(3));
        var secondary = rng.NextDouble() < _v.SecondIncidentShare ? IncidentAt(rng.Next(_incidents)) : null;
        if (secondary?.Index == primary.Index) secondary = null;
        var article = new ArticleState(this, rng, published);

        var title = article.Sentence(Pick(rng, _v.Titles), primary);
        var paragraphs = new List<string>();
        var targetParagraphs = rng.Next(_v.Paragraphs.Min, _v.Paragraphs.Max + 1);
        var targetBytes = rng.Next(_v.TextBytes.Min, _v.TextBytes.Max + 1);
        var bytes = 0;
        while (paragraphs.Count < _v.Paragraphs.Max && (paragraphs.Count < _v.Paragraphs.Min || (paragraphs.Count < targetParagraphs || bytes < _v.TextBytes.Min) && bytes < targetBytes))
        {
            var sentences = rng.Next(_v.SentencesPerParagraph.Min, _v.SentencesPerParagraph.Max + 1);
            var paragraph = new StringBuilder();
            for (var s = 0; s < sentences; s++)
            {
                var kind = paragraphs.Count == 0 && s == 0 ? "lead" : PickKind(rng);
                var incident = secondary is not null && kind != "lead" && rng.Next(4) == 0 ? secondary : primary;
                if (paragraph.Length > 0) paragraph.Append(' ');
                paragraph.Append(article.Sentence(Pick(rng, _v.Sentences[kind]), incident));
            }
            paragraphs.Add(paragraph.ToString());
            bytes += Encoding.UTF8.GetByteCount(paragraphs[^1]) + 2;
        }

        var text = new StringBuilder();
        if (rng.Next(3) == 0) foreach (var line in _v.Furniture.Top) text.Append(line).Append('\n');
        text.Append(title).Append("\n\n").AppendJoin("\n\n", paragraphs).Append('\n');
        if (rng.Next(3) == 0) text.Append('\n').AppendJoin("\n", _v.Furniture.Bottom).Append('\n');

        var outlet = _v.Outlets[rng.Next(_v.Outlets.Length)];
        var url = $"https://{outlet.Host}/{outlet.Section}/{published:yyyy'/'MM'/'dd}/{Slug(title)}_{_seed}_{index}.html";
        return new SyntheticArticle(url, outlet.Name, title, published, text.ToString());
    }

    private string PickKind(Random rng)
    {
        var pick = rng.Next(_kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in _kinds)
            if ((pick -= weight) < 0) return kind;
        return _kinds[^1].Kind;
    }

    /// <summary>What one article remembers while it is written: its speakers already named (named in full once, shortly after).</summary>
    private sealed class ArticleState(ArticleWriter w, Random rng, DateOnly published)
    {
        private readonly HashSet<string> _named = [];

        public string Sentence(string template, Incident incident)
        {
            var striker = incident.Striker;
            // One binding per slot and sentence: {own.aux} agrees with the {own} of the same sentence.
            var bound = new Dictionary<string, Phrase>();
            var countSource = template.Contains("{monitor", StringComparison.Ordinal) || template.Contains("{^monitor", StringComparison.Ordinal) ? "monitor" : "own";
            Phrase Bind(string slot)
            {
                if (bound.TryGetValue(slot, out var phrase)) return phrase;
                phrase = slot switch
                {
                    "striker" => Subject(Pick(rng, striker.Subjects)),
                    "strikes" => new Phrase(Pick(rng, striker.Strikes), Plural: true),
                    "strikerName" => Pick(rng, striker.Names),
                    "country" => incident.Country,
                    "place" => incident.Place.Name,
                    "province" => incident.Place.Province,
                    "day" => w.Day(rng, incident.Date, published),
                    "claimed" => new Phrase(incident.Claimed, Plural: true),
                    "alleged" => new Phrase(incident.Alleged, Plural: true),
                    "civilian" => incident.Civilian,
                    "own" => Speaker(Pick(rng, striker.Own)),
                    "critic" => Speaker(Pick(rng, striker.Critics)),
                    "monitor" => Speaker(Pick(rng, striker.Monitors)),
                    "neutral" => Speaker(Pick(rng, w._v.NeutralSpeakers)),
                    "verb" => Pick(rng, w._v.ReportingVerbs),
                    _ when w._v.Counts.ContainsKey(slot) => w.Count(rng, slot, incident, Bind(countSource).Id ?? countSource),
                    _ => throw new InvalidDataException($"{CorpusVocabulary.FileName}: template '{template}' has an unknown slot {{{slot}}}."),
                };
                bound[slot] = phrase;
                return phrase;
            }
            return w._filler.Fill(template, Bind);
        }

        private Phrase Speaker(string id)
        {
            var speaker = w._v.Speakers[id];
            var form = _named.Add(id) || speaker.Forms.Length == 1 ? speaker.Forms[0] : speaker.Forms[1 + rng.Next(speaker.Forms.Length - 1)];
            return new Phrase(form, speaker.Plural, id);
        }

        private static Phrase Subject(Subject s) => new(s.Text, s.Plural);    }

    /// <summary>The day of a strike as the article tells it: a weekday, "hier", or a date (with its year when the
    /// publication's year would resolve it wrongly).</summary>
    private Phrase Day(Random rng, DateOnly date, DateOnly published)
    {
        var back = published.DayNumber - date.DayNumber;
        var explicitDate = $"le {(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {_v.Months[date.Month - 1]}";
        if (back < 0 || back > 200 || date.Year != published.Year && date > published.AddYears(-1)) explicitDate += $" {date.Year}";
        if (back is < 0 or > 6) return explicitDate;
        return rng.Next(back == 1 ? 3 : 2) switch
        {
            0 => _v.Weekdays[(int)date.DayOfWeek],
            1 => explicitDate,
            _ => "hier",
        };
    }

    /// <summary>A number as a source gives it: the incident's figure, or (more often) that source's own version of it, the
    /// same in every article that quotes that source on that incident.</summary>
    private Phrase Count(Random rng, string key, Incident incident, string source)
    {
        var truth = incident.Counts[key];
        var h = Mix(_seed, incident.Index, StableHash(source + "|" + key));
        var n = (h & 0xff) < 100 ? truth : Math.Max(2, (int)Math.Round(truth * (0.5 + (h >> 8 & 0xff) / 255.0)));
        string number;
        if (_v.ApproximateNumbers.TryGetValue(n, out var approx) && rng.Next(2) == 0) number = approx;
        else if (_v.NumberWords.TryGetValue(n, out var word) && rng.Next(2) == 0) number = word;
        else number = n.ToString(CultureInfo.InvariantCulture);
        var form = Pick(rng, _v.Counts[key]);
        // "une vingtaine de cibles": the approximate form carries its own "de".
        return new Phrase(form.Replace("{n}", number, StringComparison.Ordinal), Plural: true);
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }
        return slug.ToString().Trim('-');
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    // Seeds must not depend on string.GetHashCode (randomised per process) nor on HashCode (same): a splitmix64 step.
    private static int Mix(int seed, int a, int b)
    {
        var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)a * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)b * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7fffffff);
    }

    private static int StableHash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return (int)h;
    }
}
