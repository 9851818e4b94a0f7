namespace CxApi.Metrics;

/// <summary>A half-open range of Unix microseconds.</summary>
public readonly record struct TimeRange(long From, long To);

/// <summary>
/// How a period splits between whole UTC days, whole UTC hours and the unaligned rest, such that no
/// piece crosses a bucket boundary: days and hours are read from rollups, the rest from the records.
/// </summary>
public sealed record TimeSegments(IReadOnlyList<TimeRange> Raw, IReadOnlyList<TimeRange> Hours, IReadOnlyList<TimeRange> Days)
{
    public const long Hour = 3_600_000_000, Day = 24 * Hour;

    public static TimeSegments AllRaw(long from, long to) => new([new TimeRange(from, to)], [], []);

    /// <summary>
    /// Splits <c>[from, to)</c>. Bucket boundaries that are not on a whole UTC hour (zones with
    /// half-hour offsets) cannot be served by hourly counts: then everything is read from the records.
    /// </summary>
    public static TimeSegments Plan(long from, long to, IReadOnlyList<long>? boundaries)
    {
        var inside = (boundaries ?? []).Where(b => b > from && b < to).ToList();
        if (inside.Any(b => b % Hour != 0)) return AllRaw(from, to);

        var cuts = inside.Append(from).Append(to).Distinct().Order().ToList();
        List<TimeRange> raw = [], hours = [], days = [];
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            long a = cuts[i], b = cuts[i + 1];
            long h1 = Ceiling(a, Hour), h2 = Floor(b, Hour);
            if (h1 >= h2)
            {
                raw.Add(new(a, b));
                continue;
            }
            if (a < h1) raw.Add(new(a, h1));
            if (h2 < b) raw.Add(new(h2, b));
            long d1 = Ceiling(h1, Day), d2 = Floor(h2, Day);
            if (d1 >= d2)
            {
                hours.Add(new(h1, h2));
                continue;
            }
            if (h1 < d1) hours.Add(new(h1, d1));
            days.Add(new(d1, d2));
            if (d2 < h2) hours.Add(new(d2, h2));
        }
        return new TimeSegments(Merge(raw), Merge(hours), Merge(days));
    }

    private static long Floor(long t, long unit) => t - ((t % unit) + unit) % unit;

    private static long Ceiling(long t, long unit) => Floor(t + unit - 1, unit);

    /// <summary>Joins ranges that touch, so a query names as few ranges as possible.</summary>
    private static List<TimeRange> Merge(List<TimeRange> ranges)
    {
        var merged = new List<TimeRange>();
        foreach (var r in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1].To >= r.From) merged[^1] = new(merged[^1].From, Math.Max(merged[^1].To, r.To));
            else merged.Add(r);
        }
        return merged;
    }
}
