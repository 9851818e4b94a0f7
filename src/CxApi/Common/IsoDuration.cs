using System.Globalization;
using System.Text.RegularExpressions;

namespace CxApi.Common;

/// <summary>
/// ISO 8601 durations of fixed length: weeks, days, hours, minutes and seconds (<c>P7D</c>, <c>P2W</c>, <c>PT6H</c>,
/// <c>P1DT12H</c>). Years and months are refused: their length depends on the calendar.
/// </summary>
public static partial class IsoDuration
{
    [GeneratedRegex(@"^P(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,7})M)?(?:(?<s>\d{1,9})S)?)?$")]
    private static partial Regex Shape();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || text.EndsWith('T') || Shape().Match(text) is not { Success: true } match) return false;
        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromDays(7 * Part("w") + Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return duration > TimeSpan.Zero;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO 8601 duration of weeks, days, hours, minutes or seconds.");
}
