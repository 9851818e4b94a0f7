namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// The 168 hours of the week in UTC, ISO-style from Monday: bucket 0 is Monday 00:00–01:00 UTC, bucket 24 Tuesday
/// 00:00, …, bucket 167 Sunday 23:00–24:00. Bucket = (24 × days since Monday + hour of day), all in UTC.
/// </summary>
public static class HourOfWeek
{
    public const int Count = 168;

    private const long MicrosPerHour = 3_600_000_000;

    // 1970-01-01 (Unix time 0) was a Thursday, so its first hour is bucket 3 × 24.
    private const long EpochBucket = 72;

    /// <summary>The bucket of the hour containing <paramref name="unixMicros"/>.</summary>
    public static int Of(long unixMicros) => (int)(((HourIndex(unixMicros) + EpochBucket) % Count + Count) % Count);

    /// <summary>Adds the microseconds of <c>[from, to)</c> falling in each hour-of-week bucket to <paramref name="microsByBucket"/>.</summary>
    public static void Spread(long from, long to, long[] microsByBucket)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(microsByBucket.Length, Count, nameof(microsByBucket));
        while (from < to)
        {
            var end = Math.Min(to, (HourIndex(from) + 1) * MicrosPerHour);
            microsByBucket[Of(from)] += end - from;
            from = end;
        }
    }

    /// <summary>Whole hours since the Unix epoch, rounded down (also before 1970).</summary>
    private static long HourIndex(long unixMicros) =>
        unixMicros / MicrosPerHour - (unixMicros % MicrosPerHour < 0 ? 1 : 0);
}
