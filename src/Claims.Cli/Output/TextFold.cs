using System.Globalization;
using System.Text;

namespace Claims.Cli.Output;

/// <summary>Accent- and case-insensitive form of a name ("Sergueï" = "serguei"), to pick the actor a user meant.</summary>
public static class TextFold
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }
}
