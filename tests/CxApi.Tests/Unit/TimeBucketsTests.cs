using CxApi.Features.Metrics.Calculators;
using System.Globalization;

namespace CxApi.Tests.Unit;

public sealed class TimeBucketsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void TheDayOfTheAutumnDstChangeIsOne25HourBucket()
    {
        // 2026-10-25 is the last Sunday of October: 03:00 CEST → 02:00 CET.
        var buckets = TimeBuckets.Cover(
            DateTimeOffset.Parse("2026-10-24T00:00:00+02:00", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-10-27T00:00:00+01:00", CultureInfo.InvariantCulture), TrendInterval.Day, Berlin)!;

        Assert.Equal(3, buckets.Count);
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:00:00+02:00", CultureInfo.InvariantCulture), buckets[1].Start);
        Assert.Equal(TimeSpan.FromHours(2), buckets[1].Start.Offset);
        Assert.Equal(TimeSpan.FromHours(1), buckets[1].End.Offset);
        Assert.Equal(TimeSpan.FromHours(25), buckets[1].End - buckets[1].Start);
    }

    [Fact]
    public void TheDayOfTheSpringDstChangeIsOne23HourBucket()
    {
        var buckets = TimeBuckets.Cover(
            DateTimeOffset.Parse("2026-03-29T00:00:00+01:00", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-03-30T00:00:00+02:00", CultureInfo.InvariantCulture), TrendInterval.Day, Berlin)!;
        Assert.Equal(TimeSpan.FromHours(23), Assert.Single(buckets).End - buckets[0].Start);
    }

    [Fact]
    public void WeeksStartOnMondayAtLocalMidnight()
    {
        // Thursday 2026-11-19 → the week of Monday 2026-11-16
        var buckets = TimeBuckets.Cover(
            DateTimeOffset.Parse("2026-11-19T12:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-24T00:00:00Z", CultureInfo.InvariantCulture), TrendInterval.Week, Berlin)!;

        Assert.Equal(2, buckets.Count);
        Assert.Equal(DateTimeOffset.Parse("2026-11-16T00:00:00+01:00", CultureInfo.InvariantCulture), buckets[0].Start);
        Assert.Equal(DayOfWeek.Monday, buckets[1].Start.DayOfWeek);
    }

    [Fact]
    public void MonthsAndQuartersStartOnTheirFirstDay()
    {
        var months = TimeBuckets.Cover(DateTimeOffset.Parse("2026-01-15T00:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-04-01T00:00:00Z", CultureInfo.InvariantCulture), TrendInterval.Month, TimeZoneInfo.Utc)!;
        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01"], months.Select(m => m.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(28, (months[1].End - months[1].Start).TotalDays);

        var quarters = TimeBuckets.Cover(DateTimeOffset.Parse("2026-05-15T00:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2027-01-01T00:00:00Z", CultureInfo.InvariantCulture), TrendInterval.Quarter, TimeZoneInfo.Utc)!;
        Assert.Equal(["2026-04-01", "2026-07-01", "2026-10-01"], quarters.Select(q => q.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void HalfHourZonesGetBoundariesOffTheHour()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var day = Assert.Single(TimeBuckets.Cover(DateTimeOffset.Parse("2026-11-20T00:00:00+05:30", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-21T00:00:00+05:30", CultureInfo.InvariantCulture), TrendInterval.Day, kolkata)!);
        Assert.Equal(DateTimeOffset.Parse("2026-11-19T18:30:00Z", CultureInfo.InvariantCulture), day.Start);
    }

    [Fact]
    public void AMidnightInsideADstGapStartsTheDayWhenTheClocksJump()
    {
        // São Paulo skipped 2018-11-04 00:00–01:00.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var start = TimeBuckets.StartOfLocalDay(new DateTime(2018, 11, 4), saoPaulo);
        Assert.Equal(DateTimeOffset.Parse("2018-11-04T01:00:00-02:00", CultureInfo.InvariantCulture), start);
    }

    [Theory]
    [InlineData(TrendInterval.Day, 1000, true)]
    [InlineData(TrendInterval.Day, 1001, false)]
    [InlineData(TrendInterval.Week, 7 * 1001, false)]
    public void MoreThanAThousandBucketsIsRefused(TrendInterval interval, int days, bool allowed)
    {
        var from = DateTimeOffset.Parse("2020-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        Assert.Equal(allowed, TimeBuckets.Cover(from, from.AddDays(days), interval, TimeZoneInfo.Utc) is not null);
    }
}
