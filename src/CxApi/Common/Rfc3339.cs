using System.Globalization;
using System.Text.RegularExpressions;

namespace CxApi.Common;

/// <summary>
/// RFC 3339 timestamps, which always carry an offset: a time without one is rejected, never guessed. The text must be
/// the timestamp alone (no surrounding whitespace, ASCII digits only); any number of fractional digits is accepted
/// and those beyond the seventh (100 ns, .NET's precision) are truncated.
/// </summary>
public static partial class Rfc3339
{
    public const string Requirement = "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-20T10:00:00Z or 2026-11-20T11:00:00+01:00";

    // \z, not $: $ would also match before a final line feed.
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex Shape();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Shape().IsMatch(text)) return false;
        // Digits past the seventh are cut, not rounded: rounding could carry into the next second, or year.
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>UTC times are written with <c>Z</c>; others keep their offset.</summary>
    public static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
