using CxApi.Common;

namespace CxApi.Features.Interactions;

public sealed record CreateInteractionRequest(
    Channel? Channel,
    string? Type,
    DateTimeOffset? OpenedAt,
    InteractionStatus? Status,
    string? ExternalId = null,
    string? CustomerId = null,
    DateTimeOffset? FirstResponseAt = null,
    DateTimeOffset? ResolvedAt = null,
    int? ContactCount = null,
    bool? Escalated = null,
    string? Product = null,
    string? Region = null,
    string? Service = null,
    string? Team = null,
    IReadOnlyList<string>? Tags = null);
