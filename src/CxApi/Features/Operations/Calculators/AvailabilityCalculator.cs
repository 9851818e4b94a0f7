using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Availability of one service over <c>[from, to)</c> from its incidents:
/// <c>availabilityPct = 100 × (1 − (outageSeconds + partialWeight × partialSeconds) / (periodSeconds − maintenanceSeconds))</c>.
/// Incidents are clipped to the period, an ongoing one (no <c>resolvedAt</c>) runs to <c>to</c>, and overlapping
/// incidents count each second once at its worst impact (outage &gt; partial &gt; degraded &gt; maintenance). Degraded
/// seconds count as up; maintenance seconds leave the period only where nothing worse overlaps them.
/// </summary>
public static class AvailabilityCalculator
{
    public const double DefaultPartialWeight = 0.3;

    private const double MicrosPerSecond = 1_000_000;

    public static readonly MetricDefinition Definition = new(
        Formula: "100 × (1 − (outageSeconds + partialWeight × partialSeconds) / (periodSeconds − maintenanceSeconds))",
        Scale: "0–100 %; null when the whole period is maintenance",
        Method: "incidents clipped to [from, to), an ongoing incident runs to `to`; overlapping incidents count each second once " +
                "at its worst impact, outage > partial > degraded > maintenance; degraded counts as up; impactMinutes = minutes " +
                "under any outage, partial or degraded incident. partialWeight 0.3 unless given.");

    public static AvailabilityStats Compute(TimeRange period, IEnumerable<IncidentSpan> incidents, double partialWeight = DefaultPartialWeight)
    {
        CheckPartialWeight(partialWeight);
        var micros = new long[Enum.GetValues<IncidentImpact>().Length];
        foreach (var segment in ImpactTimeline.Build(period, incidents))
            micros[(int)segment.Impact] += segment.To - segment.From;

        double Seconds(IncidentImpact impact) => micros[(int)impact] / MicrosPerSecond;
        var periodSeconds = Math.Max(0, period.To - period.From) / MicrosPerSecond;
        return new AvailabilityStats
        {
            AvailabilityPct = Ratio(periodSeconds, Seconds(IncidentImpact.Outage), Seconds(IncidentImpact.Partial),
                Seconds(IncidentImpact.Maintenance), partialWeight),
            PeriodSeconds = periodSeconds,
            OutageSeconds = Seconds(IncidentImpact.Outage),
            PartialSeconds = Seconds(IncidentImpact.Partial),
            DegradedSeconds = Seconds(IncidentImpact.Degraded),
            MaintenanceSeconds = Seconds(IncidentImpact.Maintenance),
            ImpactMinutes = (micros[(int)IncidentImpact.Outage] + micros[(int)IncidentImpact.Partial] + micros[(int)IncidentImpact.Degraded])
                            / MicrosPerSecond / 60,
            PartialWeight = partialWeight,
        };
    }

    /// <summary>The availability formula on any consistent measure of time (seconds, or activity-weighted seconds).</summary>
    internal static double? Ratio(double period, double outage, double partial, double maintenance, double partialWeight)
    {
        var counted = period - maintenance;
        return counted > 0 ? 100 * (1 - (outage + partialWeight * partial) / counted) : null;
    }

    internal static void CheckPartialWeight(double partialWeight)
    {
        if (!(partialWeight is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(partialWeight), partialWeight, "The partial weight is a share from 0 to 1.");
    }
}
