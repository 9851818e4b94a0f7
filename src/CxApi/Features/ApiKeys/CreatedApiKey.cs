using CxApi.Common;

namespace CxApi.Features.ApiKeys;

/// <summary>The new key with its secret <c>key</c>: shown this once, stored only as a hash.</summary>
public sealed record CreatedApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string? Key);
