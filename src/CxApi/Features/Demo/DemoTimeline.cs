namespace CxApi.Features.Demo;

/// <summary>
/// The period the demo data covers, <c>[End − days, End)</c>, and when in it customers are active: hour by hour, busy on
/// weekday daytimes (UTC), quiet at night and at weekends; flat when not seasonal. Times are drawn by the inverse of the
/// cumulative activity, so that a run of draws comes out in time order, as a backfill of history sends them.
/// </summary>
public sealed class DemoTimeline
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static readonly double[] HourOfDay =
        [0.12, 0.08, 0.06, 0.06, 0.08, 0.15, 0.3, 0.55, 0.8, 0.95, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 0.95, 0.85, 0.75, 0.7, 0.6, 0.45, 0.3, 0.2];

    /// <summary>Activity accumulated up to the end of each hour of the period.</summary>
    private readonly double[] _cumulative;

    public DemoTimeline(DateTimeOffset end, int days, bool seasonal)
    {
        End = end.ToUniversalTime();
        Start = End.AddDays(-days);
        _cumulative = new double[(int)Math.Ceiling((End - Start) / Hour)];
        var total = 0.0;
        for (var k = 0; k < _cumulative.Length; k++)
        {
            var from = Start + k * Hour;
            var length = (Min(from + Hour, End) - from) / Hour;
            total += length * (seasonal ? Activity(from + length / 2 * Hour) : 1);
            _cumulative[k] = total;
        }
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    private double Total => _cumulative[^1];

    /// <summary>How busy customers are at <paramref name="at"/>: 1 on a weekday late morning.</summary>
    public static double Activity(DateTimeOffset at)
    {
        var day = at.UtcDateTime.DayOfWeek switch { DayOfWeek.Saturday => 0.6, DayOfWeek.Sunday => 0.5, _ => 1.0 };
        return day * HourOfDay[at.UtcDateTime.Hour];
    }

    /// <summary><paramref name="count"/> times in order, spread over the period as activity is (stratified, one per equal share).</summary>
    public IEnumerable<DateTimeOffset> Spread(int count, Random random)
    {
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            var mass = (i + random.NextDouble()) / count * Total;
            while (k < _cumulative.Length - 1 && _cumulative[k] < mass) k++;
            yield return At(k, mass);
        }
    }

    /// <summary>The share of the period's activity that falls in <c>[from, to)</c>.</summary>
    public double Share(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, Mass(to) - Mass(from)) / Total;

    /// <summary>A time in <c>[from, to)</c>, as likely as customers are active then.</summary>
    public DateTimeOffset Within(DateTimeOffset from, DateTimeOffset to, Random random)
    {
        var low = Mass(from);
        var mass = low + random.NextDouble() * (Mass(to) - low);
        var k = Array.BinarySearch(_cumulative, mass);
        return At(k < 0 ? Math.Min(~k, _cumulative.Length - 1) : k, mass);
    }

    /// <summary>A time in the period on a weekday between 08:00 and 18:00 UTC, when teams ship changes.</summary>
    public DateTimeOffset WorkingHours(Random random)
    {
        while (true)
        {
            var at = Start + random.NextDouble() * (End - Start);
            if (at.UtcDateTime.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && at.UtcDateTime.Hour is >= 8 and < 18) return at;
        }
    }

    /// <summary>A time in the period, every instant as likely.</summary>
    public DateTimeOffset Uniform(Random random) => Start + random.NextDouble() * (End - Start);

    private double Mass(DateTimeOffset at)
    {
        if (at <= Start) return 0;
        if (at >= End) return Total;
        var k = (int)((at - Start) / Hour);
        var before = k == 0 ? 0 : _cumulative[k - 1];
        var bucketStart = Start + k * Hour;
        return before + (_cumulative[k] - before) * ((at - bucketStart) / (Min(bucketStart + Hour, End) - bucketStart));
    }

    private DateTimeOffset At(int k, double mass)
    {
        var before = k == 0 ? 0 : _cumulative[k - 1];
        var bucketStart = Start + k * Hour;
        var fraction = _cumulative[k] > before ? Math.Clamp((mass - before) / (_cumulative[k] - before), 0, 1) : 0;
        var at = bucketStart + fraction * (Min(bucketStart + Hour, End) - bucketStart);
        return at < End ? at : End.AddTicks(-TimeSpan.TicksPerMillisecond);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
