namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Availability of one service over a period, and the time behind it (seconds within the period, each second
/// counted once at its worst impact; see <see cref="AvailabilityCalculator"/>).
/// </summary>
public sealed record AvailabilityStats
{
    /// <summary>100 × (1 − (outage + partialWeight × partial) / (period − maintenance)); null when period − maintenance is zero.</summary>
    public double? AvailabilityPct { get; init; }
    public double PeriodSeconds { get; init; }
    public double OutageSeconds { get; init; }
    public double PartialSeconds { get; init; }
    /// <summary>Seconds whose worst impact is degraded: counted as up, but part of <see cref="ImpactMinutes"/>.</summary>
    public double DegradedSeconds { get; init; }
    /// <summary>Seconds under maintenance and under no worse incident: left out of the period.</summary>
    public double MaintenanceSeconds { get; init; }
    /// <summary>Minutes under at least one outage, partial or degraded incident: (outage + partial + degraded seconds) / 60.</summary>
    public double ImpactMinutes { get; init; }
    public double PartialWeight { get; init; }
}
