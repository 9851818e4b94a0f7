namespace CxApi.Features.Operations;

/// <summary>
/// What one incident did to customer experience on its services: the figures before it (baseline), while it lasted
/// (during) and after it was resolved (after), each compared with the baseline; how fast it was handled; whom it touched.
/// </summary>
/// <param name="Ongoing">True while the incident has no <c>resolvedAt</c>: <c>during</c> runs to now and there is no <c>after</c>.</param>
/// <param name="TimeToAcknowledge">acknowledgedAt − startedAt, seconds; null until acknowledged.</param>
/// <param name="TimeToResolve">resolvedAt − startedAt, seconds; null while ongoing.</param>
/// <param name="ImpactMinutes">From startedAt to resolvedAt, or to now while ongoing.</param>
public sealed record IncidentImpactReport(
    string IncidentId,
    IReadOnlyList<string> Services,
    bool Ongoing,
    double? TimeToAcknowledge,
    double? TimeToResolve,
    double ImpactMinutes,
    ImpactWindow Baseline,
    ImpactWindow During,
    ImpactWindow? After,
    AffectedCustomers AffectedCustomers);
