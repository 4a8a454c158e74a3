using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Text;

/// <summary>A date expression: a weekday ("mardi"), a relative day ("hier"), or a day and month ("le 5 octobre [2015]").</summary>
public readonly record struct DateExpression(int Start, int End, string? Weekday, int? RelativeDays, int? Day, int? Month, int? Year)
{
    /// <summary>Resolves against the publication date: a weekday is the latest such day on or before it; a day without a
    /// year is in the publication's year (or the one before when that would be in the future).</summary>
    public DateOnly? Resolve(DateOnly? published, KnowledgeBase kb)
    {
        if (Day is { } d && Month is { } m)
        {
            var year = Year ?? published?.Year;
            if (year is null || d > DateTime.DaysInMonth(year.Value, m)) return null;
            var date = new DateOnly(year.Value, m, d);
            if (Year is null && published is { } p && date > p) date = date.AddYears(-1);
            return date;
        }
        if (published is not { } pub) return null;
        if (RelativeDays is { } r) return pub.AddDays(r);
        if (Weekday is { } w && kb.Weekdays.TryGetValue(w, out var dow))
        {
            var back = ((int)pub.DayOfWeek - dow + 7) % 7;
            return pub.AddDays(-back);
        }
        return null;
    }
}

public static class DateReader
{
    public static IEnumerable<DateExpression> Find(IReadOnlyList<Token> tokens, int first, int end, KnowledgeBase kb)
    {
        for (var i = first; i < end; i++)
        {
            var t = tokens[i];
            if (kb.Weekdays.ContainsKey(t.Norm)) { yield return new DateExpression(i, i + 1, t.Norm, null, null, null, null); continue; }
            if (kb.RelativeDays.TryGetValue(t.Norm, out var rel) && t.Norm is "hier" or "avant-hier" or "aujourd'hui") { yield return new DateExpression(i, i + 1, null, rel, null, null, null); continue; }
            if ((t.Kind == TokenKind.Number || t.Norm == "1er") && i + 1 < end && kb.Months.TryGetValue(tokens[i + 1].Norm, out var month))
            {
                var day = t.Norm == "1er" ? 1 : int.TryParse(t.Norm, out var dd) ? dd : 0;
                if (day is < 1 or > 31) continue;
                int? year = i + 2 < end && tokens[i + 2].Kind == TokenKind.Number && int.TryParse(tokens[i + 2].Norm, out var y) && y is > 1900 and < 2100 ? y : null;
                yield return new DateExpression(i, i + (year is null ? 2 : 3), null, null, day, month, year);
            }
        }
    }
}
