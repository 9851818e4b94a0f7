using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Common.Paging;

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

/// <summary>JSON Merge Patch of the fields that evolve; <c>resolvedAt: null</c> with <c>status: "open"</c> reopens.</summary>
public sealed record UpdateInteractionRequest(
    Optional<DateTimeOffset?> FirstResponseAt = default,
    Optional<DateTimeOffset?> ResolvedAt = default,
    Optional<InteractionStatus?> Status = default,
    Optional<int?> ContactCount = default,
    Optional<bool?> Escalated = default,
    Optional<string?> Team = default,
    Optional<IReadOnlyList<string>?> Tags = default);

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

public sealed record InteractionListQuery(
    string[]? Channel,
    string[]? Type,
    string[]? Status,
    string[]? Team,
    string[]? Product,
    string[]? Region,
    string[]? CustomerId,
    string? From,
    string? To,
    int? Limit,
    string? Cursor,
    string[]? Service = null) : IListQuery;
