using CxApi.Common;

namespace CxApi.Features.Interactions;

public sealed record Interaction(
    string Id,
    string? ExternalId,
    string? CustomerId,
    Channel Channel,
    string Type,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    InteractionStatus Status,
    int ContactCount,
    bool Escalated,
    string? Product,
    string? Region,
    string? Service,
    string? Team,
    IReadOnlyList<string> Tags,
    double? FirstResponseSeconds,
    double? ResolutionSeconds,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt);
