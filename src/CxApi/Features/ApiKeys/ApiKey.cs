using CxApi.Common;

namespace CxApi.Features.ApiKeys;

public sealed record ApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
