using CxApi.Common;

namespace CxApi.Features.ApiKeys;

/// <summary><c>partner</c> scopes an ingest key to the records its partner writes; from <c>expiresAt</c> on, the key fails with a 401.</summary>
public sealed record CreateApiKeyRequest(string? Name, ApiKeyRole? Role, string? Partner = null, DateTimeOffset? ExpiresAt = null);
