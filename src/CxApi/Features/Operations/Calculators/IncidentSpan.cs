using CxApi.Common;
namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// One incident of a service as the availability maths sees it: times in Unix microseconds, <see cref="ResolvedAt"/>
/// null while the incident is still ongoing (it then runs to the end of the period asked about).
/// </summary>
public readonly record struct IncidentSpan(long StartedAt, long? ResolvedAt, IncidentImpact Impact)
{
    /// <summary>An incident's impact minutes: from its start to its resolution, or to <paramref name="now"/> while ongoing (never negative).</summary>
    public static double ImpactMinutes(long startedAt, long? resolvedAt, long now) => Math.Max(0, Math.Min(resolvedAt ?? now, now) - startedAt) / 60e6;
}
