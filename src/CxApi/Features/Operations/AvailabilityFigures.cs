using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// A service's (or several services') availability over the period from its incidents, the same weighted by customer
/// activity, the time behind both, and how incidents were handled: mtta = acknowledgedAt − startedAt, mttr =
/// resolvedAt − startedAt, over the incidents that started in the period (maintenance left out).
/// </summary>
public sealed record AvailabilityFigures(
    double? AvailabilityPct,
    double? ExperienceWeightedAvailabilityPct,
    bool ActivityWeighted,
    double PeriodSeconds,
    double OutageSeconds,
    double PartialSeconds,
    double DegradedSeconds,
    double MaintenanceSeconds,
    double ImpactMinutes,
    double PartialWeight,
    IncidentCounts Incidents,
    DurationSummary Mtta,
    DurationSummary Mttr)
{
    public static AvailabilityFigures Of(AvailabilityStats plain, ExperienceWeightedAvailabilityStats weighted, IncidentCounts incidents,
        DurationSummary mtta, DurationSummary mttr) =>
        new(plain.AvailabilityPct, weighted.AvailabilityPct, weighted.ActivityWeighted, plain.PeriodSeconds, plain.OutageSeconds, plain.PartialSeconds,
            plain.DegradedSeconds, plain.MaintenanceSeconds, plain.ImpactMinutes, plain.PartialWeight, incidents, mtta, mttr);
}
