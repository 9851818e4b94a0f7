using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>
/// Worked examples for availability over one day, [2024-01-01 00:00Z, 2024-01-02 00:00Z) = 86 400 s.
/// Times are written as seconds after the period starts.
/// </summary>
public sealed class OperationsAvailabilityTests
{
    private const int Precision = 6;
    private const long DayStart = 1_704_067_200_000_000; // 2024-01-01T00:00:00Z (a Monday) in Unix microseconds
    private static readonly TimeRange Day = new(DayStart, At(86_400));

    private static long At(long seconds) => DayStart + seconds * 1_000_000;

    private static IncidentSpan Incident(long from, long? to, IncidentImpact impact) => new(At(from), to is { } t ? At(t) : null, impact);

    private static AvailabilityStats Compute(params IncidentSpan[] incidents) => AvailabilityCalculator.Compute(Day, incidents);

    [Fact]
    public void NoIncidentsIsAHundredPercentWithNothingImpacted()
    {
        var stats = Compute();

        Assert.Equal(100, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal(86_400, stats.PeriodSeconds);
        Assert.Equal((0d, 0d, 0d, 0d), (stats.OutageSeconds, stats.PartialSeconds, stats.DegradedSeconds, stats.MaintenanceSeconds));
        Assert.Equal(0, stats.ImpactMinutes);
        Assert.Equal(0.3, stats.PartialWeight);
    }

    [Fact]
    public void AnOutageInsideAPartialCountsItsSecondsAsOutageOnly()
    {
        var stats = Compute(Incident(1_000, 5_000, IncidentImpact.Partial), Incident(2_000, 3_000, IncidentImpact.Outage));

        Assert.Equal(1_000, stats.OutageSeconds);
        Assert.Equal(3_000, stats.PartialSeconds); // 4 000 s of partial minus the 1 000 s the outage covers
        // 100 × (1 − (1 000 + 0.3 × 3 000) / 86 400) = 100 × (1 − 1 900 / 86 400) = 97.800926
        Assert.Equal(97.800926, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal(4_000 / 60.0, stats.ImpactMinutes, Precision); // 1 000 + 3 000 s = 66.666667 min
    }

    [Fact]
    public void TwoOverlappingPartialsCountTheirUnionOnce()
    {
        var stats = Compute(Incident(0, 3_600, IncidentImpact.Partial), Incident(1_800, 5_400, IncidentImpact.Partial));

        Assert.Equal(5_400, stats.PartialSeconds); // [0, 5 400), not 3 600 + 3 600
        // 100 × (1 − 0.3 × 5 400 / 86 400) = 100 × (1 − 1 620 / 86 400) = 98.125
        Assert.Equal(98.125, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal(90, stats.ImpactMinutes, Precision);
    }

    [Fact]
    public void MaintenanceOverlappingAnOutageLeavesThePeriodOnlyWhereNoOutageCoversIt()
    {
        var stats = Compute(Incident(0, 7_200, IncidentImpact.Maintenance), Incident(3_600, 10_800, IncidentImpact.Outage));

        Assert.Equal(7_200, stats.OutageSeconds);      // [3 600, 10 800): the overlap with maintenance counts as outage
        Assert.Equal(3_600, stats.MaintenanceSeconds); // [0, 3 600) only
        // 100 × (1 − 7 200 / (86 400 − 3 600)) = 100 × (1 − 7 200 / 82 800) = 91.304348
        Assert.Equal(91.304348, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal(120, stats.ImpactMinutes, Precision); // maintenance alone is not impact
    }

    [Fact]
    public void DegradedInsideMaintenanceCountsAsUpAndStaysInThePeriod()
    {
        var stats = Compute(
            Incident(0, 7_200, IncidentImpact.Maintenance),
            Incident(0, 3_600, IncidentImpact.Degraded),
            Incident(10_000, 10_828, IncidentImpact.Outage));

        Assert.Equal(3_600, stats.DegradedSeconds);
        Assert.Equal(3_600, stats.MaintenanceSeconds); // only [3 600, 7 200) has nothing worse than maintenance
        // 100 × (1 − 828 / (86 400 − 3 600)) = 100 × (1 − 828 / 82 800) = 99 exactly
        // (had maintenance outranked degraded: 100 × (1 − 828 / 79 200) = 98.954545)
        Assert.Equal(99, stats.AvailabilityPct!.Value, Precision);
        Assert.Equal((3_600 + 828) / 60.0, stats.ImpactMinutes, Precision); // 73.8 min: degraded is impact
    }

    [Fact]
    public void AnIncidentStraddlingTheStartIsClippedToThePeriod()
    {
        var stats = Compute(Incident(-1_800, 1_800, IncidentImpact.Outage));

        Assert.Equal(1_800, stats.OutageSeconds);
        // 100 × (1 − 1 800 / 86 400) = 97.916667
        Assert.Equal(97.916667, stats.AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void AnOngoingIncidentRunsToTheEndOfThePeriodAndOneStartingAfterItIsIgnored()
    {
        var stats = Compute(Incident(82_800, null, IncidentImpact.Outage), Incident(90_000, null, IncidentImpact.Outage));

        Assert.Equal(3_600, stats.OutageSeconds); // 23:00 → 24:00
        // 100 × (1 − 3 600 / 86 400) = 95.833333
        Assert.Equal(95.833333, stats.AvailabilityPct!.Value, Precision);
    }

    [Theory]
    [InlineData(0.3, 97.0)]  // 100 × (1 − 0.3 × 8 640 / 86 400) = 100 × (1 − 0.03) = 97
    [InlineData(0.0, 100.0)] // partial ignored
    [InlineData(1.0, 90.0)]  // partial counted as outage: 100 × (1 − 8 640 / 86 400) = 90
    public void PartialSecondsWeighByThePartialWeight(double partialWeight, double expected)
    {
        var stats = AvailabilityCalculator.Compute(Day, [Incident(0, 8_640, IncidentImpact.Partial)], partialWeight);

        Assert.Equal(expected, stats.AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void ThePartialWeightDefaultsToThreeTenths()
    {
        var stats = Compute(Incident(0, 8_640, IncidentImpact.Partial));

        Assert.Equal(97, stats.AvailabilityPct!.Value, Precision);
    }

    [Fact]
    public void AWholePeriodOfMaintenanceHasNoAvailability()
    {
        var stats = Compute(Incident(-100, 90_000, IncidentImpact.Maintenance));

        Assert.Null(stats.AvailabilityPct);
        Assert.Equal(86_400, stats.MaintenanceSeconds);
        Assert.Equal(0, stats.ImpactMinutes);
    }

    [Fact]
    public void AnEmptyPeriodHasNoAvailability() =>
        Assert.Null(AvailabilityCalculator.Compute(new TimeRange(DayStart, DayStart), [Incident(0, 10, IncidentImpact.Outage)]).AvailabilityPct);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void APartialWeightOutsideZeroToOneIsRefused(double partialWeight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AvailabilityCalculator.Compute(Day, [], partialWeight));

    [Fact]
    public void TheTimelineKeepsTheWorstImpactOfEachStretch()
    {
        var segments = ImpactTimeline.Build(Day,
        [
            Incident(0, 100, IncidentImpact.Maintenance),
            Incident(50, 200, IncidentImpact.Partial),
            Incident(60, 70, IncidentImpact.Outage),
            Incident(150, 300, IncidentImpact.Partial),
            Incident(400, 500, IncidentImpact.Degraded),
        ]);

        Assert.Equal(
        [
            new ImpactSegment(At(0), At(50), IncidentImpact.Maintenance),
            new ImpactSegment(At(50), At(60), IncidentImpact.Partial),
            new ImpactSegment(At(60), At(70), IncidentImpact.Outage),
            new ImpactSegment(At(70), At(300), IncidentImpact.Partial), // two partials back to back: one stretch
            new ImpactSegment(At(400), At(500), IncidentImpact.Degraded),
        ], segments);
    }
}
