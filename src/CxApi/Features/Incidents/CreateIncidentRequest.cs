using CxApi.Common;

namespace CxApi.Features.Incidents;

/// <summary>An incident to record: <c>title</c>, <c>services</c>, <c>severity</c>, <c>impact</c> and <c>startedAt</c> are required.</summary>
public sealed record CreateIncidentRequest(
    string? Title,
    IReadOnlyList<string>? Services,
    IncidentSeverity? Severity,
    IncidentImpact? Impact,
    DateTimeOffset? StartedAt,
    string? ExternalId = null,
    DateTimeOffset? DetectedAt = null,
    DateTimeOffset? AcknowledgedAt = null,
    DateTimeOffset? MitigatedAt = null,
    DateTimeOffset? ResolvedAt = null,
    IReadOnlyList<string>? CustomerIds = null,
    string? CausedByDeploymentId = null,
    string? Source = null,
    string? Url = null);
