using CxApi.Metrics;

namespace CxApi.Tests.Unit;

public sealed class TimeSegmentsTests
{
    private const long H = TimeSegments.Hour, D = TimeSegments.Day;
    private static readonly long Monday = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Fact]
    public void AnAlignedUtcPeriodIsAllDays()
    {
        var plan = TimeSegments.Plan(Monday, Monday + 14 * D, [Monday, Monday + 7 * D, Monday + 14 * D]);
        Assert.Empty(plan.Raw);
        Assert.Empty(plan.Hours);
        Assert.Equal([new TimeRange(Monday, Monday + 14 * D)], plan.Days);
    }

    [Fact]
    public void BerlinWeeksUseHoursAroundTheirBoundariesAndDaysInside()
    {
        // Berlin weeks start Sunday 23:00 UTC
        var start = Monday - H;
        var plan = TimeSegments.Plan(start, start + 14 * D, [start, start + 7 * D, start + 14 * D]);
        Assert.Empty(plan.Raw);
        Assert.Equal([new TimeRange(Monday, Monday + 6 * D), new TimeRange(Monday + 7 * D, Monday + 13 * D)], plan.Days);
        Assert.Equal([new TimeRange(start, Monday), new TimeRange(Monday + 6 * D, Monday + 7 * D), new TimeRange(Monday + 13 * D, start + 14 * D)], plan.Hours);
        var covered = plan.Days.Concat(plan.Hours).Sum(r => r.To - r.From);
        Assert.Equal(14 * D, covered);
    }

    [Fact]
    public void UnalignedEdgesOfThePeriodAreReadFromTheRecords()
    {
        long from = Monday + 10 * H + 1234, to = Monday + 3 * D + 5 * H + 99;
        var plan = TimeSegments.Plan(from, to, null);
        Assert.Equal([new TimeRange(from, Monday + 11 * H), new TimeRange(Monday + 3 * D + 5 * H, to)], plan.Raw);
        Assert.Equal([new TimeRange(Monday + 11 * H, Monday + D), new TimeRange(Monday + 3 * D, Monday + 3 * D + 5 * H)], plan.Hours);
        Assert.Equal([new TimeRange(Monday + D, Monday + 3 * D)], plan.Days);
    }

    [Fact]
    public void HalfHourZonesFallBackToTheRecords()
    {
        var boundary = Monday + 18 * H + 30 * 60_000_000L; // Kolkata midnight
        var plan = TimeSegments.Plan(Monday, Monday + 2 * D, [Monday, boundary, Monday + 2 * D]);
        Assert.Equal([new TimeRange(Monday, Monday + 2 * D)], plan.Raw);
        Assert.Empty(plan.Hours);
        Assert.Empty(plan.Days);
    }

    [Fact]
    public void APeriodShorterThanAnHourIsAllRecords()
    {
        var plan = TimeSegments.Plan(Monday + 10, Monday + H - 10, null);
        Assert.Equal([new TimeRange(Monday + 10, Monday + H - 10)], plan.Raw);
        Assert.False(plan.Hours.Any() || plan.Days.Any());
    }
}
