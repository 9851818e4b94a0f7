using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>
/// Worked examples over one week, [Monday 2024-01-01 00:00Z, Monday 2024-01-08 00:00Z), with activity 1 in the
/// night hours 00–07 and 10 in the day hours 08–23 of every day: the week weighs 7 × (8 × 1 + 16 × 10) = 1 176
/// activity-hours.
/// </summary>
public sealed class OperationsExperienceWeightedAvailabilityTests
{
    private const int Precision = 6;
    private const long WeekStart = 1_704_067_200_000_000; // 2024-01-01T00:00:00Z, a Monday
    private const long Hour = 3_600_000_000;
    private static readonly TimeRange Week = new(WeekStart, WeekStart + 168 * Hour);
    private static readonly long[] NightAndDay = [.. Enumerable.Range(0, HourOfWeek.Count).Select(b => b % 24 < 8 ? 1L : 10L)];

    private static IncidentSpan Incident(double fromHour, double toHour, IncidentImpact impact) =>
        new(WeekStart + (long)(fromHour * Hour), WeekStart + (long)(toHour * Hour), impact);

    [Fact]
    public void AnOutageAtThreeInTheMorningWeighsLessThanOneAtNoon()
    {
        var night = ExperienceWeightedAvailability.Compute(Week, [Incident(3, 4, IncidentImpact.Outage)], NightAndDay);
        var noon = ExperienceWeightedAvailability.Compute(Week, [Incident(12, 13, IncidentImpact.Outage)], NightAndDay);

        // 100 × (1 − 1 × 1 h / 1 176) = 99.914966
        Assert.Equal(99.914966, night.AvailabilityPct!.Value, Precision);
        // 100 × (1 − 10 × 1 h / 1 176) = 99.149660
        Assert.Equal(99.149660, noon.AvailabilityPct!.Value, Precision);
        Assert.True(night.ActivityWeighted && noon.ActivityWeighted);
        // Unweighted, both are 100 × (1 − 1 / 168) = 99.404762
        Assert.Equal(99.404762, AvailabilityCalculator.Compute(Week, [Incident(3, 4, IncidentImpact.Outage)]).AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void AnOutageAcrossAnHourBoundaryTakesEachHoursWeightForItsPart()
    {
        var stats = ExperienceWeightedAvailability.Compute(Week, [Incident(7.5, 8.5, IncidentImpact.Outage)], NightAndDay);

        // half an hour at weight 1, half an hour at weight 10: 100 × (1 − (0.5 + 5) / 1 176) = 99.532313
        Assert.Equal(99.532313, stats.AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void PartialAndMaintenanceAreWeightedLikeTheUnweightedFormula()
    {
        var stats = ExperienceWeightedAvailability.Compute(Week,
        [
            Incident(24 + 12, 24 + 14, IncidentImpact.Partial),        // Tuesday 12:00–14:00, weight 10
            Incident(6 * 24 + 2, 6 * 24 + 4, IncidentImpact.Maintenance), // Sunday 02:00–04:00, weight 1
        ], NightAndDay);

        // 100 × (1 − 0.3 × 2 × 10 / (1 176 − 2 × 1)) = 100 × (1 − 6 / 1 174) = 99.488927
        Assert.Equal(99.488927, stats.AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void AllZeroActivityEqualsTheUnweightedAvailability()
    {
        IncidentSpan[] incidents = [Incident(12, 22, IncidentImpact.Outage), Incident(30, 40, IncidentImpact.Partial)];

        var stats = ExperienceWeightedAvailability.Compute(Week, incidents, new long[HourOfWeek.Count]);

        // 100 × (1 − (10 + 0.3 × 10) / 168) = 92.261905
        Assert.Equal(92.261905, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal(AvailabilityCalculator.Compute(Week, incidents).AvailabilityPct!.Value, stats.AvailabilityPct.Value, 9);
        Assert.False(stats.ActivityWeighted);
    }

    [Fact]
    public void ActivityOnlyOutsideThePeriodFallsBackToEqualWeights()
    {
        var activity = new long[HourOfWeek.Count];
        activity[12] = 50; // Monday noon; the period is Monday 03:00–05:00
        var period = new TimeRange(WeekStart + 3 * Hour, WeekStart + 5 * Hour);

        var stats = ExperienceWeightedAvailability.Compute(period, [Incident(3, 4, IncidentImpact.Outage)], activity);

        Assert.Equal(50, stats.AvailabilityPct!.Value, Precision); // 1 h down of 2 h
        Assert.False(stats.ActivityWeighted);
    }

    [Fact]
    public void ActivityMustBeOneHundredAndSixtyEightCounts() =>
        Assert.Throws<ArgumentException>(() => ExperienceWeightedAvailability.Compute(Week, [], new long[24]));

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", 0)]   // Monday 00:00
    [InlineData("2024-01-01T12:30:00Z", 12)]  // Monday 12:30
    [InlineData("2024-01-02T03:00:00Z", 27)]  // Tuesday 03:00: 24 + 3
    [InlineData("2024-01-07T23:59:59Z", 167)] // Sunday 23:59: 6 × 24 + 23
    [InlineData("1970-01-01T00:00:00Z", 72)]  // Unix 0 was a Thursday: 3 × 24
    [InlineData("1969-12-31T23:00:00Z", 71)]  // Wednesday 23:00, before the epoch: 2 × 24 + 23
    [InlineData("2024-01-01T05:00:00+05:00", 0)] // the bucket is taken in UTC: this is Monday 00:00Z
    public void HourOfWeekCountsFromMondayMidnightUtc(string instant, int bucket) =>
        Assert.Equal(bucket, HourOfWeek.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000));
}
