using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.ApiKeys;

/// <summary>How a stored API key becomes its contracts; every member without a line here has the same name on both.</summary>
public sealed class ApiKeysMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ApiKeyEntity, ApiKey>()
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.ExpiresAt, s => UnixMicros.ToDateTimeOffset(s.ExpiresAtMicros))
            .Map(d => d.LastUsedAt, s => UnixMicros.ToDateTimeOffset(s.LastUsedAtMicros))
            .Map(d => d.RevokedAt, s => UnixMicros.ToDateTimeOffset(s.RevokedAtMicros))
            .Map(d => d.PreviousKeyExpiresAt, s => UnixMicros.ToDateTimeOffset(s.PreviousHashExpiresAtMicros));
        config.NewConfig<ApiKeyEntity, CreatedApiKey>()
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.ExpiresAt, s => UnixMicros.ToDateTimeOffset(s.ExpiresAtMicros))
            // Only the hash is stored: the handler adds the secret, shown this once (`with { Key = secret }`).
            .Ignore(d => d.Key!);
        config.NewConfig<ApiKeyEntity, RotatedApiKey>()
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.ExpiresAt, s => UnixMicros.ToDateTimeOffset(s.ExpiresAtMicros))
            .Map(d => d.PreviousKeyExpiresAt, s => UnixMicros.ToDateTimeOffset(s.PreviousHashExpiresAtMicros))
            // As at creation: the handler adds the new secret, shown this once.
            .Ignore(d => d.Key!);
    }
}
