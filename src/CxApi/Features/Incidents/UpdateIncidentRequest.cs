using CxApi.Common;
using CxApi.Common.Json;

namespace CxApi.Features.Incidents;

/// <summary>JSON Merge Patch of an incident, as a tool moves it through its states (<c>resolvedAt: null</c> reopens it).</summary>
public sealed record UpdateIncidentRequest(
    Optional<string?> Title = default,
    Optional<IReadOnlyList<string>?> Services = default,
    Optional<IncidentSeverity?> Severity = default,
    Optional<IncidentImpact?> Impact = default,
    Optional<DateTimeOffset?> StartedAt = default,
    Optional<DateTimeOffset?> DetectedAt = default,
    Optional<DateTimeOffset?> AcknowledgedAt = default,
    Optional<DateTimeOffset?> MitigatedAt = default,
    Optional<DateTimeOffset?> ResolvedAt = default,
    Optional<IReadOnlyList<string>?> CustomerIds = default,
    Optional<string?> CausedByDeploymentId = default,
    Optional<string?> Url = default);
