using System.Text.RegularExpressions;
using Claims.Extraction.Knowledge;
using Claims.Extraction.Text;

namespace Claims.Extraction.Page;

/// <summary>Full dates written in French ("7 octobre 2015", "1er octobre 2015", "07/10/2015", "2015-10-07").</summary>
public static partial class DateText
{
    [GeneratedRegex(@"\b(1er|\d{1,2})\s+([\p{L}]+)\s+(\d{4})\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\b(\d{4})-(\d{2})-(\d{2})\b")]
    private static partial Regex IsoDate();

    public static IEnumerable<DateOnly> FullDates(string text, KnowledgeBase kb)
    {
        foreach (Match m in WrittenDate().Matches(text))
        {
            var day = m.Groups[1].Value == "1er" ? 1 : int.Parse(m.Groups[1].Value);
            if (kb.Months.TryGetValue(Fold.Text(m.Groups[2].Value), out var month) && Valid(int.Parse(m.Groups[3].Value), month, day, out var d)) yield return d;
        }
        foreach (Match m in SlashDate().Matches(text))
            if (Valid(int.Parse(m.Groups[3].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[1].Value), out var d)) yield return d;
        foreach (Match m in IsoDate().Matches(text))
            if (Valid(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), out var d)) yield return d;
    }

    private static bool Valid(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
