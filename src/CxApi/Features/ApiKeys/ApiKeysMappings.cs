using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.ApiKeys;

public static class ApiKeysMappings
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
    };

    public static ApiKey ToContract(this ApiKeyEntity k) => new(
        k.Id, k.Name, k.Role, k.Partner, k.Prefix, UnixMicros.ToDateTimeOffset(k.CreatedAtMicros),
        UnixMicros.ToDateTimeOffset(k.LastUsedAtMicros), UnixMicros.ToDateTimeOffset(k.RevokedAtMicros));

    public static CreatedApiKey ToCreated(this ApiKeyEntity k, string secret) => new(
        k.Id, k.Name, k.Role, k.Partner, k.Prefix, UnixMicros.ToDateTimeOffset(k.CreatedAtMicros), secret);
}
