namespace CxApi.Metrics;

/// <summary>A half-open range of Unix microseconds.</summary>
public readonly record struct TimeRange(long From, long To);

/// <summary>Whole rollup slots of <paramref name="SlotMicros"/> (an hour or a UTC day) in <c>[From, To)</c>, all inside bucket <paramref name="Bucket"/>.</summary>
public readonly record struct SlotRange(long From, long To, long SlotMicros, int Bucket)
{
    public long SlotSeconds => SlotMicros / 1_000_000;
}

/// <summary>
/// How a period splits between whole UTC days, whole UTC hours and the unaligned rest, such that no
/// piece crosses a bucket boundary: days and hours are read from rollups (each range knowing its
/// bucket), the rest from the records.
/// </summary>
public sealed record TimeSegments(IReadOnlyList<TimeRange> Raw, IReadOnlyList<SlotRange> Slots)
{
    public const long Hour = 3_600_000_000, Day = 24 * Hour;

    public static TimeSegments AllRaw(long from, long to) => new([new TimeRange(from, to)], []);

    /// <summary>
    /// Splits <c>[from, to)</c>, where bucket i is <c>[boundaries[i], boundaries[i+1])</c>. Bucket
    /// boundaries that are not on a whole UTC hour (zones with half-hour offsets) cannot be served by
    /// hourly counts: then everything is read from the records.
    /// </summary>
    public static TimeSegments Plan(long from, long to, IReadOnlyList<long>? boundaries)
    {
        var inside = (boundaries ?? []).Where(b => b > from && b < to).ToList();
        if (inside.Any(b => b % Hour != 0)) return AllRaw(from, to);

        var cuts = inside.Append(from).Append(to).Distinct().Order().ToList();
        List<TimeRange> raw = [];
        List<SlotRange> slots = [];
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            long a = cuts[i], b = cuts[i + 1];
            var bucket = BucketOf(a, boundaries);
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
                slots.Add(new(h1, h2, Hour, bucket));
                continue;
            }
            if (h1 < d1) slots.Add(new(h1, d1, Hour, bucket));
            slots.Add(new(d1, d2, Day, bucket));
            if (d2 < h2) slots.Add(new(d2, h2, Hour, bucket));
        }
        return new TimeSegments(Merge(raw), slots);
    }

    /// <summary>The bucket holding <paramref name="t"/>: the last boundary at or before it (0 without boundaries).</summary>
    private static int BucketOf(long t, IReadOnlyList<long>? boundaries)
    {
        if (boundaries is null) return 0;
        int lo = 0, hi = boundaries.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (boundaries[mid] <= t) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static long Floor(long t, long unit) => t - ((t % unit) + unit) % unit;

    private static long Ceiling(long t, long unit) => Floor(t + unit - 1, unit);

    /// <summary>Joins raw ranges that touch, so a query names as few ranges as possible.</summary>
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
