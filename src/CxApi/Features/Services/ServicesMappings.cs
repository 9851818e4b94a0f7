using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Services;

/// <summary>How a stored service becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class ServicesMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ServiceEntity, Service>()
            // The key is stored as the record's externalId, which makes it unique per API client.
            .Map(d => d.Key, s => s.ExternalId)
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros))
            .Map(d => d.UpdatedAt, s => UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));
}
