using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Claims.Extraction.Tests.Scoring;

/// <summary>C# port of /work/shared/gold/score.py: one-to-one greedy matching of statements, strikes and disputes,
/// actor equivalence by names/aliases, and contradiction recall/precision. Kept faithful so the test measures what the issue measures.</summary>
public sealed partial class GoldScorer
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["russie"] = ["moscou", "les russes", "kremlin", "russes", "aviation russe", "armee russe", "federation de russie", "la russie", "avions russes", "marine russe"],
        ["etats unis"] = ["washington", "americains", "les americains", "usa", "us", "etats unis d amerique", "les etats unis"],
        ["france"] = ["paris", "la france", "diplomatie francaise"],
        ["turquie"] = ["ankara", "la turquie"],
        ["syrie"] = ["damas", "regime syrien", "le regime", "regime de bachar al assad", "gouvernement syrien", "la syrie"],
        ["otan"] = ["alliance atlantique", "l otan", "nato", "l alliance atlantique"],
        ["osdh"] = ["observatoire syrien des droits de l homme", "l osdh", "observatoire syrien"],
        ["ministere russe de la defense"] = ["ministere de la defense russe", "defense russe", "mod russe"],
        ["etat islamique"] = ["ei", "daech", "daesh", "organisation etat islamique", "groupe etat islamique", "l ei", "is", "isis", "l etat islamique"],
        ["front al nosra"] = ["al nosra", "nosra", "front al nusra", "al nusra"],
        ["jaich al fatah"] = ["armee de la conquete", "l armee de la conquete", "jaish al fatah"],
        ["rebelles syriens"] = ["rebelles", "opposition armee", "groupes rebelles", "rebelles moderes", "groupes de l opposition armee", "opposants"],
        ["coalition internationale"] = ["coalition", "la coalition"],
    };

    private static readonly HashSet<string> Stop = new("le la les l de des du d un une et en a au aux que qui qu ne pas se s sur par pour est sont dans ce cette ces il elle ils elles on y the of and to in".Split(' '));

    public sealed record KindScore(string Kind, int Gold, int Predicted, int Matched)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public sealed record Report(IReadOnlyList<KindScore> Kinds, int GoldContradictions, int PredictedContradictions, int FoundContradictions, int UsefulPredicted, IReadOnlyList<string> Missed)
    {
        public double MicroF1
        {
            get
            {
                int m = Kinds.Sum(k => k.Matched), g = Kinds.Sum(k => k.Gold), p = Kinds.Sum(k => k.Predicted);
                double pr = p == 0 ? 0 : (double)m / p, rc = g == 0 ? 0 : (double)m / g;
                return pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc);
            }
        }
        public override string ToString() =>
            string.Join("\n", Kinds.Select(k => $"{k.Kind,-16}{k.Gold,6}{k.Predicted,6}{k.Matched,7}{k.Precision,7:0.00}{k.Recall,7:0.00}{k.F1,7:0.00}"))
            + $"\ncontradictions  {GoldContradictions,6}{PredictedContradictions,6}{FoundContradictions,7}\nF1 {MicroF1:0.000}\n" + string.Join("\n", Missed);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlnum();

    public static string Norm(string? text)
    {
        if (text is null) return "";
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder();
        foreach (var c in decomposed) if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return string.Join(' ', NonAlnum().Replace(sb.ToString(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static HashSet<string> Tokens(string? text) => Norm(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Stop.Contains(t)).ToHashSet();

    public static double Dice(string? a, string? b)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        if (ta.Count == 0 || tb.Count == 0) return 0;
        return 2.0 * ta.Intersect(tb).Count() / (ta.Count + tb.Count);
    }

    private static string? NameOf(JsonNode? v) => v switch
    {
        JsonObject o => (string?)o["name"] ?? (string?)o["id"],
        JsonValue value => (string?)value,
        _ => null,
    };

    private static HashSet<string> NamesOf(JsonNode? value, IEnumerable<string>? extra = null)
    {
        var found = new HashSet<string>();
        if (value is JsonObject o)
        {
            found.Add(Norm((string?)o["name"]));
            found.Add(Norm((string?)o["id"]));
            if (o["aliases"] is JsonArray a) foreach (var x in a) found.Add(Norm((string?)x));
        }
        else found.Add(Norm(NameOf(value)));
        foreach (var e in extra ?? []) found.Add(Norm(e));
        foreach (var (canonical, aliases) in Aliases)
        {
            var group = new HashSet<string>(aliases) { canonical };
            if (found.Overlaps(group)) found.UnionWith(group);
        }
        found.Remove("");
        return found;
    }

    public static bool SameActor(JsonNode? pred, JsonNode? gold, IEnumerable<string>? goldAliases = null)
    {
        if (pred is null || gold is null) return pred is null && gold is null;
        var p = NamesOf(pred);
        var g = NamesOf(gold, goldAliases);
        if (p.Overlaps(g)) return true;
        foreach (var a in p)
            foreach (var b in g)
            {
                var wa = a.Split(' ').ToHashSet();
                var wb = b.Split(' ').ToHashSet();
                if (wa.Intersect(wb).Any(w => w.Length >= 4) && (wa.IsSubsetOf(wb) || wb.IsSubsetOf(wa))) return true;
            }
        return false;
    }

    public static bool SamePlace(JsonNode? x, JsonNode? y)
    {
        var a = Norm(NameOf(x));
        var b = Norm(NameOf(y));
        return a.Length > 0 && b.Length > 0 && (a == b || b.Split(' ').Contains(a) || a.Split(' ').Contains(b) || (a.Length >= 5 && b.Contains(a)) || (b.Length >= 5 && a.Contains(b)));
    }

    private static Dictionary<int, int> Match(JsonArray gold, JsonArray pred, Func<JsonNode, JsonNode, double> score)
    {
        var pairs = new List<(double S, int G, int P)>();
        for (var g = 0; g < gold.Count; g++)
            for (var p = 0; p < pred.Count; p++)
                if (score(gold[g]!, pred[p]!) is var s && s > 0) pairs.Add((s, g, p));
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var result = new Dictionary<int, int>();
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.S).ThenByDescending(x => x.G).ThenByDescending(x => x.P))
            if (!usedG.Contains(g) && !usedP.Contains(p))
            {
                usedG.Add(g);
                usedP.Add(p);
                result[g] = p;
            }
        return result;
    }

    private static IEnumerable<string> Strings(JsonNode? n) => n is JsonArray a ? a.Select(x => (string?)x ?? "") : [];

    private static double StatementScore(JsonNode g, JsonNode p)
    {
        if (!SameActor(p["speaker"], g["speaker"], Strings(g["aliases"]))) return 0;
        var d = Dice((string?)g["text"], (string?)p["text"]);
        return d >= 0.5 ? d : 0;
    }

    private static double StrikeScore(JsonNode g, JsonNode p)
    {
        if (!SameActor(p["perpetrator"], g["perpetrator"])) return 0;
        var gl = g["locations"] as JsonArray ?? [];
        var pl = p["locations"] as JsonArray ?? [];
        var places = gl.Sum(a => pl.Count(b => SamePlace(a, b)));
        var targets = (g["targets"] as JsonArray ?? []).Sum(a => (p["targets"] as JsonArray ?? []).Count(b => SameActor(b, a)));
        if (places > 0) return 1 + places + 0.5 * targets;
        if (gl.Count == 0 && targets > 0) return 0.5 + targets;
        return 0;
    }

    private static double DisputeScore(JsonNode g, JsonNode p)
    {
        if (!SameActor(p["disputant"], g["disputant"])) return 0;
        if (g["disputedParty"] is not null && !SameActor(p["disputedParty"], g["disputedParty"])) return 0;
        var d = Math.Max(Dice((string?)g["text"], (string?)p["text"]), Dice((string?)g["claim"], (string?)p["claim"]));
        return d >= 0.3 ? d : 0;
    }

    private static JsonObject? ArticleFor(string key, JsonArray articles)
    {
        key = key.Split('/')[^1];
        foreach (var a in articles.OfType<JsonObject>())
        {
            var f = (string?)a["file"] ?? "";
            if (f == key || f.StartsWith(key, StringComparison.Ordinal) || f.Split('.')[0] == key) return a;
        }
        return null;
    }

    public static Report Score(JsonNode gold, JsonNode pred)
    {
        var kinds = new (string Kind, Func<JsonNode, JsonNode, double> Score)[] { ("statements", StatementScore), ("strikes", StrikeScore), ("disputes", DisputeScore) };
        var totals = kinds.ToDictionary(k => k.Kind, _ => new int[3]);
        var recordMap = new Dictionary<string, string>();
        var missed = new List<string>();
        var predArticles = pred["articles"] as JsonArray ?? [];
        var goldArticles = gold["articles"] as JsonArray ?? [];
        foreach (var ga in goldArticles.OfType<JsonObject>())
        {
            var file = (string)ga["file"]!;
            var pa = ArticleFor(file, predArticles) ?? new JsonObject();
            foreach (var (kind, score) in kinds)
            {
                var gi = ga[kind] as JsonArray ?? [];
                var pi = pa[kind] as JsonArray ?? [];
                var m = Match(gi, pi, score);
                totals[kind][0] += m.Count;
                totals[kind][1] += gi.Count;
                totals[kind][2] += pi.Count;
                foreach (var (g, p) in m)
                    if ((string?)pi[p]!["id"] is { } pid && (string?)gi[g]!["id"] is { } gid) recordMap[$"{(string?)pa["file"] ?? file}:{pid}"] = $"{file}:{gid}";
                for (var g = 0; g < gi.Count; g++) if (!m.ContainsKey(g)) missed.Add($"missed {file[..3]} {kind} {(string?)gi[g]!["id"]}");
            }
        }
        string Resolve(string r, JsonArray articles)
        {
            var at = r.LastIndexOf(':');
            var a = ArticleFor(r[..at], articles);
            return a is null ? r : $"{(string)a["file"]!}:{r[(at + 1)..]}";
        }
        var goldC = gold["contradictions"] as JsonArray ?? [];
        var predC = pred["contradictions"] as JsonArray ?? [];
        var found = 0;
        var hit = new HashSet<int>();
        foreach (var c in goldC)
        {
            var sides = (c!["sides"] as JsonArray ?? []).Select(s => Strings(s!["records"]).Select(r => Resolve(r, goldArticles)).ToHashSet()).ToList();
            var ok = false;
            for (var pi = 0; pi < predC.Count && !ok; pi++)
            {
                var mapped = (predC[pi]!["sides"] as JsonArray ?? []).SelectMany(s => Strings(s!["records"])).Select(r => recordMap.GetValueOrDefault(Resolve(r, predArticles), "")).ToHashSet();
                if (sides.Count(s => s.Overlaps(mapped)) >= 2) { found++; hit.Add(pi); ok = true; }
            }
            if (!ok) missed.Add($"missed contradiction {(string?)c["id"]}");
        }
        return new Report(kinds.Select(k => new KindScore(k.Kind, totals[k.Kind][1], totals[k.Kind][2], totals[k.Kind][0])).ToList(), goldC.Count, predC.Count, found, hit.Count, missed);
    }
}
