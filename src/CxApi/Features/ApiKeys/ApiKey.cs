using CxApi.Common;

namespace CxApi.Features.ApiKeys;

/// <summary>
/// A stored key, never its secret. <c>previousKeyExpiresAt</c>: until when the secret replaced by the last rotation is
/// (or was) still accepted; null before the first rotation.
/// </summary>
public sealed record ApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? PreviousKeyExpiresAt);
