namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// Calendar buckets in an IANA time zone: days start at local midnight (a 23- or 25-hour DST day is still
/// one day), weeks on Monday (ISO), months and quarters on their first day.
/// </summary>
public static class TimeBuckets
{
    public const int MaxBuckets = 1000;

    /// <summary>The buckets that cover <c>[from, to)</c>; null when there would be more than <see cref="MaxBuckets"/>.</summary>
    public static IReadOnlyList<TimeBucket>? Cover(DateTimeOffset from, DateTimeOffset to, TrendInterval interval, TimeZoneInfo zone)
    {
        if (MinimumCount(from, to, interval) > MaxBuckets) return null; // refuse huge ranges before walking them

        var buckets = new List<TimeBucket>();
        var local = Floor(TimeZoneInfo.ConvertTime(from, zone).DateTime.Date, interval);
        var start = StartOfLocalDay(local, zone);
        while (start < to)
        {
            local = Advance(local, interval);
            var end = StartOfLocalDay(local, zone);
            if (end > start) buckets.Add(new TimeBucket(TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone)));
            if (buckets.Count > MaxBuckets) return null;
            start = end;
        }
        return buckets;
    }

    /// <summary>At least this many buckets cover <c>[from, to)</c> (each bucket is at most its longest length).</summary>
    public static long MinimumCount(DateTimeOffset from, DateTimeOffset to, TrendInterval interval)
    {
        var longest = interval switch
        {
            TrendInterval.Day => TimeSpan.FromHours(25),
            TrendInterval.Week => TimeSpan.FromHours(7 * 24 + 1),
            TrendInterval.Month => TimeSpan.FromDays(31) + TimeSpan.FromHours(1),
            _ => TimeSpan.FromDays(92) + TimeSpan.FromHours(1),
        };
        return (long)Math.Floor((to - from) / longest);
    }

    public static DateTime Floor(DateTime date, TrendInterval interval) => interval switch
    {
        TrendInterval.Day => date,
        TrendInterval.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        TrendInterval.Month => new DateTime(date.Year, date.Month, 1),
        _ => new DateTime(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
    };

    private static DateTime Advance(DateTime local, TrendInterval interval) => interval switch
    {
        TrendInterval.Day => local.AddDays(1),
        TrendInterval.Week => local.AddDays(7),
        TrendInterval.Month => local.AddMonths(1),
        _ => local.AddMonths(3),
    };

    /// <summary>
    /// The instant a local calendar day begins. Where midnight falls in a DST gap the day begins when the
    /// clocks jump; where it occurs twice, at its first occurrence.
    /// </summary>
    public static DateTimeOffset StartOfLocalDay(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        for (var step = 0; zone.IsInvalidTime(local) && step < 48 * 4; step++) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
