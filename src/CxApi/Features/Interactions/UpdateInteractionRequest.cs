using CxApi.Common;
using CxApi.Common.Json;

namespace CxApi.Features.Interactions;

/// <summary>JSON Merge Patch of the fields that evolve; <c>resolvedAt: null</c> with <c>status: "open"</c> reopens.</summary>
public sealed record UpdateInteractionRequest(
    Optional<DateTimeOffset?> FirstResponseAt = default,
    Optional<DateTimeOffset?> ResolvedAt = default,
    Optional<InteractionStatus?> Status = default,
    Optional<int?> ContactCount = default,
    Optional<bool?> Escalated = default,
    Optional<string?> Team = default,
    Optional<IReadOnlyList<string>?> Tags = default);
