using System.Text;
using System.Text.RegularExpressions;

namespace CxApi.Common.Privacy;

/// <summary>
/// Masks e-mail addresses (<c>[email]</c>), card-like numbers (<c>[card]</c>: 13–19 digits, optionally in groups
/// separated by single spaces or dashes, that pass the Luhn check) and phone numbers (<c>[phone]</c>) in free text.
/// Phone numbers are recognised by their shape, not by any digit run, so that order numbers, versions, dates, times,
/// prices and ids stay as written: an international number (<c>+</c>, country code, 8–15 digits), an area code in
/// parentheses (<c>(555) 123-4567</c>), a national number with its trunk <c>0</c> in groups (9–12 digits:
/// <c>020 7946 0958</c>, <c>06 12 34 56 78</c>, <c>03-1234-5678</c>) or North American 3-3-4 groups. Digits are ASCII
/// digits; a number glued to letters, or inside a token of dashes, dots or slashes, is left alone.
/// </summary>
public static partial class TextRedactor
{
    public const string EmailMask = "[email]";
    public const string PhoneMask = "[phone]";
    public const string CardMask = "[card]";

    // Before a number: nothing that makes it part of a longer token (ORD-2026-…, #100234, v2.14.3, 1.299,00, x/123).
    private const string Start = @"(?<![0-9A-Za-z_#+\-./,])";
    // After a number: no digit or ASCII letter, and no separator that goes on with digits (2026-11-19, 10.0.1).
    private const string End = @"(?![0-9A-Za-z_]|[\-./,][0-9])";

    [GeneratedRegex(@"[A-Za-z0-9\u00C0-\u024F._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9\-])")]
    private static partial Regex Email();

    // A run of digit groups separated by single spaces or dashes; which part of it is a card is decided in code.
    [GeneratedRegex(Start + @"[0-9]+(?:[ \-][0-9]+)*" + End)]
    private static partial Regex DigitRun();

    [GeneratedRegex(
        @"(?<![0-9A-Za-z_#+\-./])\+[0-9]{1,3}(?:[ .\-]?(?:\([0-9]{1,4}\)|[0-9]{1,5})){1,6}" + End + "|" +
        Start + @"\([0-9]{2,4}\) ?[0-9]{3,5}[ \-]?[0-9]{4}" + End + "|" +
        Start + @"0[0-9]{1,4}(?:[ /][0-9]{2,8}){1,5}" + End + "|" +
        Start + @"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}" + End + "|" +
        Start + @"0[0-9](?:\.[0-9]{2}){4}" + End + "|" +
        Start + @"[0-9]{3}[ \-.][0-9]{3}[ \-.][0-9]{4}" + End)]
    private static partial Regex Phone();

    /// <summary>The text with every e-mail address, card-like number and phone number masked; the same instance when nothing was.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = Email().Replace(text, EmailMask);
        masked = DigitRun().Replace(masked, m => MaskCards(m.Value));
        masked = Phone().Replace(masked, m => IsPhoneLength(m.Value) ? PhoneMask : m.Value);
        return masked == text ? text : masked;
    }

    /// <summary>
    /// Masks the card numbers in a run of digit groups: the longest run of whole groups with 13–19 digits that passes
    /// the Luhn check, leftmost first (a card may follow an order number in the same run: "2026 4111 1111 1111 1111").
    /// </summary>
    private static string MaskCards(string run)
    {
        var groups = SplitGroups(run);
        if (groups.Sum(g => g.Length) < 13) return run;
        var result = new StringBuilder();
        var from = 0;
        while (from < groups.Count)
        {
            var to = LongestCardFrom(run, groups, from);
            if (to < 0)
            {
                result.Append(run, groups[from].Start, (from + 1 < groups.Count ? groups[from + 1].Start : run.Length) - groups[from].Start);
                from++;
                continue;
            }
            result.Append(CardMask);
            if (to + 1 < groups.Count) result.Append(run, groups[to].Start + groups[to].Length, groups[to + 1].Start - groups[to].Start - groups[to].Length);
            from = to + 1;
        }
        return result.ToString();
    }

    private static int LongestCardFrom(string run, List<(int Start, int Length)> groups, int from)
    {
        var best = -1;
        var digits = 0;
        for (var to = from; to < groups.Count; to++)
        {
            digits += groups[to].Length;
            if (digits > 19) break;
            if (digits >= 13 && Luhn(Enumerable.Range(from, to - from + 1).SelectMany(g => run.Substring(groups[g].Start, groups[g].Length)))) best = to;
        }
        return best;
    }

    private static List<(int Start, int Length)> SplitGroups(string run)
    {
        var groups = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i <= run.Length; i++)
        {
            if (i < run.Length && char.IsAsciiDigit(run[i])) continue;
            groups.Add((start, i - start));
            start = i + 1;
        }
        return groups;
    }

    /// <summary>The Luhn (mod 10) check of payment card numbers: double every second digit from the right.</summary>
    public static bool Luhn(IEnumerable<char> digits)
    {
        var sum = 0;
        var position = 0;
        foreach (var digit in digits.Reverse())
        {
            var d = position++ % 2 == 1 ? (digit - '0') * 2 : digit - '0';
            sum += d > 9 ? d - 9 : d;
        }
        return position > 0 && sum % 10 == 0;
    }

    private static bool IsPhoneLength(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        return candidate[0] switch
        {
            '+' => digits is >= 8 and <= 15,
            '(' => digits is >= 9 and <= 12,
            '0' => digits is >= 9 and <= 12,
            _ => digits == 10,
        };
    }
}
