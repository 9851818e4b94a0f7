using CxApi.Features.Metrics.Calculators;

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
        Assert.Equal([new SlotRange(Monday, Monday + 7 * D, D, 0), new SlotRange(Monday + 7 * D, Monday + 14 * D, D, 1)], plan.Slots);
    }

    [Fact]
    public void BerlinWeeksUseHoursAroundTheirBoundariesAndDaysInside()
    {
        // Berlin weeks start Sunday 23:00 UTC
        var start = Monday - H;
        var plan = TimeSegments.Plan(start, start + 14 * D, [start, start + 7 * D, start + 14 * D]);
        Assert.Empty(plan.Raw);
        // each week: its first hour, then seven whole UTC days from Monday, minus the hour after the week
        Assert.Equal(
        [
            new SlotRange(start, Monday, H, 0), new SlotRange(Monday, Monday + 7 * D, D, 0), new SlotRange(start + 7 * D, Monday + 7 * D, H, 0, -1),
            new SlotRange(start + 7 * D, Monday + 7 * D, H, 1), new SlotRange(Monday + 7 * D, Monday + 14 * D, D, 1), new SlotRange(start + 14 * D, Monday + 14 * D, H, 1, -1),
        ], plan.Slots);
        Assert.Equal(14 * D, plan.Slots.Sum(r => r.Sign * (r.To - r.From)));
    }

    [Fact]
    public void UnalignedEdgesOfThePeriodAreReadFromTheRecords()
    {
        long from = Monday + 10 * H + 1234, to = Monday + 3 * D + 5 * H + 99;
        var plan = TimeSegments.Plan(from, to, null);
        Assert.Equal([new TimeRange(from, Monday + 11 * H), new TimeRange(Monday + 3 * D + 5 * H, to)], plan.Raw);
        Assert.Equal(
        [
            // 11 hours taken from three days read fewer slots than 13 hours and two days
            new SlotRange(Monday, Monday + 11 * H, H, 0, -1), new SlotRange(Monday, Monday + 3 * D, D, 0),
            new SlotRange(Monday + 3 * D, Monday + 3 * D + 5 * H, H, 0),
        ], plan.Slots);
    }

    [Fact]
    public void MostOfADayIsTheDayMinusTheHoursOutsideIt()
    {
        var plan = TimeSegments.Plan(Monday + 2 * H, Monday + 22 * H, null);
        Assert.Empty(plan.Raw);
        Assert.Equal(
        [
            new SlotRange(Monday, Monday + 2 * H, H, 0, -1), new SlotRange(Monday, Monday + D, D, 0),
            new SlotRange(Monday + 22 * H, Monday + D, H, 0, -1),
        ], plan.Slots);
    }

    [Fact]
    public void AFewHoursInADayStayHours()
    {
        var plan = TimeSegments.Plan(Monday + 10 * H, Monday + 14 * H, null);
        Assert.Equal([new SlotRange(Monday + 10 * H, Monday + 14 * H, H, 0)], plan.Slots);
    }

    [Fact]
    public void AHalfHourBoundaryIsReadFromTheRecordsOnlyInTheHourAroundIt()
    {
        var boundary = Monday + 18 * H + 30 * 60_000_000L; // Kolkata midnight
        var plan = TimeSegments.Plan(Monday, Monday + 2 * D, [Monday, boundary, Monday + 2 * D]);
        Assert.Equal([new TimeRange(Monday + 18 * H, Monday + 19 * H)], plan.Raw); // both halves, merged: the rows find their bucket
        // Bucket 0 keeps its 18 whole hours and bucket 1 its 29 (19:00 to Tuesday's end), each read from the rollups.
        Assert.Equal(18 * H, plan.Slots.Where(s => s.Bucket == 0).Sum(s => s.Sign * (s.To - s.From)));
        Assert.Equal(29 * H, plan.Slots.Where(s => s.Bucket == 1).Sum(s => s.Sign * (s.To - s.From)));
    }

    [Fact]
    public void APeriodShorterThanAnHourIsAllRecords()
    {
        var plan = TimeSegments.Plan(Monday + 10, Monday + H - 10, null);
        Assert.Equal([new TimeRange(Monday + 10, Monday + H - 10)], plan.Raw);
        Assert.Empty(plan.Slots);
    }

    [Fact]
    public void BeforeThePurgeHorizonUnalignedEdgesBecomeTheHoursThatStartInsideThePeriod()
    {
        // Records are gone before Wednesday: 10:00:00.001 on Monday to Thursday 05:00:00.0001 reads the records only after Wednesday.
        long from = Monday + 10 * H + 1234, to = Monday + 3 * D + 5 * H + 99, horizon = Monday + 2 * D;
        var plan = TimeSegments.Plan(from, to, null, horizon);
        Assert.Equal([new TimeRange(Monday + 3 * D + 5 * H, to)], plan.Raw);
        // Monday from 11:00 (the first hour starting in the period) to Wednesday, then Wednesday to Thursday 05:00, all rollups.
        Assert.Equal(3 * D + 5 * H - 11 * H, plan.Slots.Sum(s => s.Sign * (s.To - s.From)));
        Assert.DoesNotContain(plan.Slots, s => s.From < Monday + 11 * H && s.Sign > 0 && s.SlotMicros == H);
    }

    [Fact]
    public void APeriodWhollyBeforeTheHorizonReadsNoRecords()
    {
        var plan = TimeSegments.Plan(Monday + 30 * 60_000_000L, Monday + 5 * H + 1, null, Monday + 7 * D);
        Assert.Empty(plan.Raw);
        Assert.Equal([new SlotRange(Monday + H, Monday + 6 * H, H, 0)], plan.Slots);
    }

    [Fact]
    public void BeforeTheHorizonAHalfHourBoundarysHourCountsInTheBucketItStartsIn()
    {
        var boundary = Monday + 18 * H + 30 * 60_000_000L; // Kolkata midnight
        var plan = TimeSegments.Plan(Monday, Monday + 2 * D, [Monday, boundary, Monday + 2 * D], Monday + 2 * D);
        Assert.Empty(plan.Raw);
        Assert.Equal(19 * H, plan.Slots.Where(s => s.Bucket == 0).Sum(s => s.Sign * (s.To - s.From)));
        Assert.Equal(29 * H, plan.Slots.Where(s => s.Bucket == 1).Sum(s => s.Sign * (s.To - s.From)));
    }

    [Fact]
    public void AHorizonBeforeThePeriodChangesNothing()
    {
        long from = Monday + 10 * H + 1234, to = Monday + 3 * D + 5 * H + 99;
        var plain = TimeSegments.Plan(from, to, null);
        foreach (var horizon in new[] { Monday - 7 * D, Monday })
        {
            var plan = TimeSegments.Plan(from, to, null, horizon);
            Assert.Equal(plain.Raw, plan.Raw);
            Assert.Equal(plain.Slots, plan.Slots);
        }
        Assert.Throws<ArgumentException>(() => TimeSegments.Plan(from, to, null, Monday + 1)); // horizons are whole hours
    }
}
