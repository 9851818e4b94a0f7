namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// How a period splits between whole UTC days, whole UTC hours and the unaligned rest, such that no
/// piece crosses a bucket boundary: days and hours are read from rollups (each range knowing its
/// bucket), the rest from the records. A piece that starts or ends late in a day may be covered by
/// whole days minus the hours outside it (a Berlin week: 7 UTC days + 1 hour − 1 hour instead of
/// 1 hour + 6 days + 23 hours), whichever reads fewer slots; counts and sums subtract exactly.
/// </summary>
public sealed record TimeSegments(IReadOnlyList<TimeRange> Raw, IReadOnlyList<SlotRange> Slots)
{
    public const long Hour = 3_600_000_000, Day = 24 * Hour;

    public static TimeSegments AllRaw(long from, long to) => new([new TimeRange(from, to)], []);

    /// <summary>
    /// Splits <c>[from, to)</c>, where bucket i is <c>[boundaries[i], boundaries[i+1])</c>. A bucket
    /// boundary that is not on a whole UTC hour (a zone with a half-hour offset, a deployment's
    /// <c>finishedAt</c>) is read from the records for the hour around it, on either side.
    /// Before <paramref name="purgedBefore"/> (a whole hour: the retention job's horizon) no records are
    /// left to read, so everything there comes from the rollups: an hour counts in the piece its start lies in.
    /// </summary>
    public static TimeSegments Plan(long from, long to, IReadOnlyList<long>? boundaries, long? purgedBefore = null)
    {
        if (purgedBefore % Hour is not (null or 0)) throw new ArgumentException("Records are purged by whole hours.", nameof(purgedBefore));
        var inside = (boundaries ?? []).Where(b => b > from && b < to).ToList();
        if (purgedBefore is { } horizon && horizon > from && horizon < to) inside.Add(horizon);
        var cuts = inside.Append(from).Append(to).Distinct().Order().ToList();
        List<TimeRange> raw = [];
        List<SlotRange> slots = [];
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            long a = cuts[i], b = cuts[i + 1];
            var bucket = BucketOf(a, boundaries);
            if (b <= purgedBefore)
            {
                // Purged: whole hours only, each in the piece its start lies in (a half-hour boundary's hour goes before it).
                long p1 = Ceiling(a, Hour), p2 = Ceiling(b, Hour);
                if (p1 < p2) slots.AddRange(Cover(p1, p2, bucket));
                continue;
            }
            long h1 = Ceiling(a, Hour), h2 = Floor(b, Hour);
            if (h1 >= h2)
            {
                raw.Add(new(a, b));
                continue;
            }
            if (a < h1) raw.Add(new(a, h1));
            if (h2 < b) raw.Add(new(h2, b));
            slots.AddRange(Cover(h1, h2, bucket));
        }
        return new TimeSegments(Merge(raw), slots);
    }

    /// <summary>The fewest slots that sum to exactly the hours <c>[h1, h2)</c>.</summary>
    private static List<SlotRange> Cover(long h1, long h2, int bucket)
    {
        // Inside: hours up to the first midnight, the days, hours after the last midnight.
        List<SlotRange> inside = [];
        long d1 = Ceiling(h1, Day), d2 = Floor(h2, Day);
        if (d1 >= d2) inside.Add(new(h1, h2, Hour, bucket));
        else
        {
            if (h1 < d1) inside.Add(new(h1, d1, Hour, bucket));
            inside.Add(new(d1, d2, Day, bucket));
            if (d2 < h2) inside.Add(new(d2, h2, Hour, bucket));
        }

        // Around: each end moves to its nearer midnight; hours added or taken away make up the difference.
        long lo = h1 - Floor(h1, Day) < Ceiling(h1, Day) - h1 ? Floor(h1, Day) : Ceiling(h1, Day);
        long hi = Ceiling(h2, Day) - h2 < h2 - Floor(h2, Day) ? Ceiling(h2, Day) : Floor(h2, Day);
        if (lo >= hi) return inside;
        List<SlotRange> around = [];
        if (lo < h1) around.Add(new(lo, h1, Hour, bucket, -1));
        else if (h1 < lo) around.Add(new(h1, lo, Hour, bucket));
        around.Add(new(lo, hi, Day, bucket));
        if (hi < h2) around.Add(new(hi, h2, Hour, bucket));
        else if (h2 < hi) around.Add(new(h2, hi, Hour, bucket, -1));
        return around.Sum(r => r.SlotCount) < inside.Sum(r => r.SlotCount) ? around : inside;
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

    /// <summary>The start of the unit (an hour, a day) that <paramref name="t"/> falls in, for times before 1970 too.</summary>
    public static long Floor(long t, long unit) => t - ((t % unit) + unit) % unit;

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
