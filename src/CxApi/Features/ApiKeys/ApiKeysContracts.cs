using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.ApiKeys;

/// <summary><c>partner</c> scopes an ingest key to the records its partner writes.</summary>
public sealed record CreateApiKeyRequest(string? Name, ApiKeyRole? Role, string? Partner = null);

public sealed record ApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>The new key with its secret <c>key</c>: shown this once, stored only as a hash.</summary>
public sealed record CreatedApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    string? Key);

public sealed record ApiKeyListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;
