using CxApi.Common;

namespace CxApi.Features.Incidents;

public sealed record Incident(
    string Id,
    string? ExternalId,
    string Title,
    IReadOnlyList<string> Services,
    IncidentSeverity Severity,
    IncidentImpact Impact,
    DateTimeOffset StartedAt,
    DateTimeOffset? DetectedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? MitigatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<string> CustomerIds,
    string? CausedByDeploymentId,
    string? Source,
    string? Url,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    bool Redacted);
