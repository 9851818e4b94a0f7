using CxApi.Common;

namespace CxApi.Features.ApiKeys;

/// <summary>
/// A rotated key with its new secret <c>key</c>, shown this once; the replaced secret keeps working until
/// <c>previousKeyExpiresAt</c>.
/// </summary>
public sealed record RotatedApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? Partner,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PreviousKeyExpiresAt,
    string? Key);
