using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// One service's row of the scorecard over the period: how available it was (plainly and as customers felt it), its
/// incidents and how fast they were resolved, what its customers said (CSAT, NPS) and how often they had to get in
/// touch, how its changes went, and what its incidents cost in customer experience.
/// </summary>
/// <param name="Service">The service's key.</param>
/// <param name="Incidents">Incidents that started in the period, maintenance left out, by severity.</param>
/// <param name="Mttr">resolvedAt − startedAt of those incidents.</param>
/// <param name="ContactsPerDay">Interactions on the service opened in the period, per day of the period.</param>
/// <param name="IncidentImpactMinutes">Sum over its incidents of startedAt to resolvedAt (or to now while ongoing).</param>
/// <param name="MeanCsatDeltaDuringIncidents">Mean over its incidents of CSAT during the incident minus CSAT in the 14 days before (points); null when no incident has both.</param>
/// <param name="IncidentsWithCsatDelta">How many incidents the mean is over.</param>
public sealed record ScorecardRow(
    string Service,
    string Name,
    int Tier,
    bool CustomerFacing,
    string? Team,
    double? AvailabilityPct,
    double? ExperienceWeightedAvailabilityPct,
    IncidentCounts Incidents,
    DurationSummary Mttr,
    ScoredFigure Csat,
    ScoredFigure Nps,
    double ContactsPerDay,
    ChangeRate ChangeFailureRate,
    ChangeRate CxChangeFailureRate,
    double IncidentImpactMinutes,
    double? MeanCsatDeltaDuringIncidents,
    long IncidentsWithCsatDelta);
