using CxApi.Common;
namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// One incident of a service as the availability maths sees it: times in Unix microseconds, <see cref="ResolvedAt"/>
/// null while the incident is still ongoing (it then runs to the end of the period asked about).
/// </summary>
public readonly record struct IncidentSpan(long StartedAt, long? ResolvedAt, IncidentImpact Impact);
