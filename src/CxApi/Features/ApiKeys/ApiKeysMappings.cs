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
            .Map(d => d.LastUsedAt, s => UnixMicros.ToDateTimeOffset(s.LastUsedAtMicros))
            .Map(d => d.RevokedAt, s => UnixMicros.ToDateTimeOffset(s.RevokedAtMicros));
        config.NewConfig<ApiKeyEntity, CreatedApiKey>()
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            // Only the hash is stored: the handler adds the secret, shown this once (`with { Key = secret }`).
            .Ignore(d => d.Key!);
    }
}
