using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.ApiKeys;

/// <summary>How a request becomes a stored API key (the contract side is <see cref="ApiKeysMappings"/>).</summary>
public static class ApiKeysEntityMappings
{
    public static ApiKeyEntity ToEntity(this CreateApiKeyRequest request, string secret, long nowMicros) => new()
    {
        Id = Ids.New(),
        Name = request.Name!,
        Role = request.Role!.Value,
        Partner = request.Partner,
        Prefix = ApiKeySecrets.DisplayPrefix(secret),
        Hash = ApiKeySecrets.Hash(secret),
        CreatedAtMicros = nowMicros,
        ExpiresAtMicros = UnixMicros.From(request.ExpiresAt),
    };
}
